package com.couponplatform.api;

import org.junit.jupiter.api.Test;

import com.couponplatform.template.CouponTemplate;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several templates in one call: one result per template, partial success, idempotent by
 * request ID.
 */
class BatchClaimIT extends ApiIntegrationTest {

	@Test
	void claimsWhatItCanRefusesTheRestAndReplaysTheSameCoupons() {
		CouponTemplate available = activeTemplate(5, 1);
		CouponTemplate soldOut = activeTemplate(1, 1);
		assertThat(post("/api/v1/claims", TestTokens.user(9100), claimBody(soldOut.id(), "first")).status())
			.isEqualTo(201);
		String body = batch("b-1", available.id(), soldOut.id(), 123456789L);
		String token = TestTokens.user(9101);

		Answer first = post("/api/v1/claims/batch", token, body);
		assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
		assertThat(first.body().path("results")).hasSize(3);
		assertThat(first.body().path("results").get(0).path("templateId").asText())
			.isEqualTo(Long.toString(available.id()));
		assertThat(first.body().path("results").get(1).path("templateId").asText())
			.isEqualTo(Long.toString(soldOut.id()));
		assertThat(first.body().path("results").get(2).path("templateId").asText()).isEqualTo("123456789");
		assertThat(first.body().path("results").get(0).path("coupon").path("userId").asText()).isEqualTo("9101");
		assertThat(first.body().path("results").get(0).path("error").isNull()).isTrue();
		assertThat(first.body().path("results").get(1).path("coupon").isNull()).isTrue();
		assertThat(first.body().path("results").get(1).path("error").path("code").asText()).isEqualTo("SOLD_OUT");
		assertThat(first.body().path("results").get(2).path("error").path("code").asText())
			.isEqualTo("TEMPLATE_NOT_FOUND");

		Answer replay = post("/api/v1/claims/batch", token, body);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body().path("results").get(0).path("coupon"))
			.isEqualTo(first.body().path("results").get(0).path("coupon"));
		assertThat(couponRows(available.id())).isEqualTo(1);
		assertThat(couponRows(soldOut.id())).isEqualTo(1);

		Answer reused = post("/api/v1/claims/batch", token, batch("b-1", activeTemplate(5, 1).id()));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		// A single claim with the same request ID is a different request, not a replay.
		assertThat(post("/api/v1/claims", token, claimBody(activeTemplate(5, 1).id(), "b-1")).status()).isEqualTo(201);
	}

	@Test
	void refusesMalformedBatchesWholeAndWritesNothing() {
		CouponTemplate template = activeTemplate(5, 1);
		String token = TestTokens.user(9102);
		assertInvalid(post("/api/v1/claims/batch", token, "{\"templateIds\":[],\"requestId\":\"x\"}"), "templateIds");
		assertInvalid(post("/api/v1/claims/batch", token, batch("x", template.id(), template.id())), "templateIds");
		assertInvalid(post("/api/v1/claims/batch", token,
				"{\"templateIds\":[\"" + template.id() + "\",\"abc\"],\"requestId\":\"x\"}"), "templateIds[1]");
		assertInvalid(post("/api/v1/claims/batch", token, batch("not valid", template.id())), "requestId");
		StringBuilder many = new StringBuilder("{\"requestId\":\"x\",\"templateIds\":[\"1\"");
		for (int i = 2; i <= 21; i++) {
			many.append(",\"").append(i).append('"');
		}
		assertInvalid(post("/api/v1/claims/batch", token, many.append("]}").toString()), "templateIds");
		assertThat(post("/api/v1/claims/batch", null, batch("x", template.id())).status()).isEqualTo(401);
		assertThat(couponRows(template.id())).isZero();
	}

	private static String batch(String requestId, long... templateIds) {
		StringBuilder ids = new StringBuilder();
		for (long id : templateIds) {
			ids.append((ids.length() > 0) ? "," : "").append('"').append(id).append('"');
		}
		return "{\"templateIds\":[" + ids + "],\"requestId\":\"" + requestId + "\"}";
	}

	private static void assertInvalid(Answer answer, String field) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly(field);
	}

}
