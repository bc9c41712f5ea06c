package com.couponplatform.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.couponplatform.template.CouponTemplate;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user hammering the claim endpoints gets 429 with {@code Retry-After} once their burst
 * (10 by default) is spent, before the claim is even tried; other users are unaffected.
 */
class ClaimRateLimitIT extends ApiIntegrationTest {

	@Test
	void aUserBeyondTheBurstIsRateLimitedWithRetryAfter() {
		CouponTemplate template = activeTemplate(100, 1);
		long userId = 8_000_001;
		List<Answer> answers = new ArrayList<>();
		Answer limited = null;
		for (int i = 0; i < 60 && limited == null; i++) {
			Answer answer = post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), "press-" + i));
			if (answer.status() == 429) {
				limited = answer;
			}
			else {
				answers.add(answer);
			}
		}
		// The whole burst of 10 is served (one coupon, then the per-user limit) before
		// the first refusal; at 5 tokens a second a fast client gets there in 60 calls.
		assertThat(answers.get(0).status()).isEqualTo(201);
		assertThat(answers.size()).isGreaterThanOrEqualTo(10);
		assertThat(answers.subList(1, answers.size()))
			.allSatisfy((answer) -> assertThat(answer.code()).isEqualTo("PER_USER_LIMIT"));
		assertThat(limited).as("rate limited within 60 calls").isNotNull();
		assertThat(limited.code()).isEqualTo("RATE_LIMITED");
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(Integer.parseInt(limited.retryAfter())).isBetween(1, 60);

		// The batch endpoint draws on the same bucket.
		int batchStatus = 0;
		for (int i = 0; i < 60 && batchStatus != 429; i++) {
			batchStatus = post("/api/v1/claims/batch", TestTokens.user(userId),
					"{\"templateIds\":[\"" + template.id() + "\"],\"requestId\":\"press-batch-" + i + "\"}")
				.status();
		}
		assertThat(batchStatus).isEqualTo(429);

		Answer someoneElse = post("/api/v1/claims", TestTokens.user(8_000_002), claimBody(template.id(), "calm-1"));
		assertThat(someoneElse.status()).isEqualTo(201);
	}

}
