package com.couponplatform.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims over HTTP on OLD (phase LEGACY): OLD's {@code taken_count} guard issues exactly
 * the stock under concurrency, also while the monolith claims beside the platform; the
 * per-user limit holds without a unique key; a replay answers the same coupon, and a
 * request ID reused for another template is refused; refusals write nothing.
 */
class LegacyClaimIT extends LegacyApiIntegrationTest {

	@Test
	void twoHundredConcurrentClaimsIssueExactlyTheStock() throws Exception {
		long template = MALL.onlineTemplate(50, 1);
		ExecutorService pool = Executors.newFixedThreadPool(24);
		List<Future<Answer>> calls = new ArrayList<>();
		for (long user = 1; user <= 200; user++) {
			long userId = 810_000 + user;
			calls.add(pool
				.submit(() -> post("/api/v1/claims", TestTokens.user(userId), claimBody(template, "c-" + userId))));
		}
		Map<Integer, Integer> statuses = new HashMap<>();
		for (Future<Answer> call : calls) {
			Answer answer = call.get(120, TimeUnit.SECONDS);
			statuses.merge(answer.status(), 1, Integer::sum);
			if (answer.status() == 409) {
				assertThat(answer.code()).isEqualTo("SOLD_OUT");
			}
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 50, 409, 150));
		assertThat(MALL.rows(template)).isEqualTo(50);
		assertThat(MALL.taken(template)).isEqualTo(50);
		assertThat(MALL.sql()
			.sql("SELECT COUNT(*) FROM t_user_coupon WHERE tpl_id = ? AND state = 0 AND get_type = 1 AND version = 0 "
					+ "AND expire_time = get_time + INTERVAL 7 DAY AND update_time = get_time")
			.param(template)
			.query(Long.class)
			.single()).as("rows written as the monolith writes a claim").isEqualTo(50);
		assertThat(MALL.sql()
			.sql("SELECT COUNT(DISTINCT uid) FROM t_user_coupon WHERE tpl_id = ?")
			.param(template)
			.query(Long.class)
			.single()).isEqualTo(50);
	}

	@Test
	void oneUsersConcurrentClaimsStopAtTheLimit() throws Exception {
		long template = MALL.onlineTemplate(100, 2);
		long userId = 820_001;
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Future<Answer>> calls = new ArrayList<>();
		// Ten at once: the user's whole claim burst (more would be 429 RATE_LIMITED).
		for (int i = 0; i < 10; i++) {
			String requestId = "limit-" + i;
			calls.add(
					pool.submit(() -> post("/api/v1/claims", TestTokens.user(userId), claimBody(template, requestId))));
		}
		int created = 0;
		for (Future<Answer> call : calls) {
			Answer answer = call.get(60, TimeUnit.SECONDS);
			if (answer.status() == 201) {
				created++;
			}
			else {
				assertThat(answer.status()).isEqualTo(409);
				assertThat(answer.code()).isEqualTo("PER_USER_LIMIT");
			}
		}
		pool.shutdown();
		assertThat(created).isEqualTo(2);
		assertThat(MALL.rows(template)).isEqualTo(2);
		assertThat(MALL.taken(template)).isEqualTo(2);
	}

	@Test
	void aReplayAnswersTheSameCouponAndAReusedRequestIdIsRefused() {
		long template = MALL.onlineTemplate(10, 1);
		long other = MALL.onlineTemplate(10, 1);
		long userId = 830_001;
		Answer first = post("/api/v1/claims", TestTokens.user(userId), claimBody(template, "replay-1"));
		Answer again = post("/api/v1/claims", TestTokens.user(userId), claimBody(template, "replay-1"));
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(first.location()).isEqualTo("/api/v1/coupons/" + first.body().path("couponId").asText());
		assertThat(first.body().path("claimedAt").asText()).doesNotContain(".");
		Answer reused = post("/api/v1/claims", TestTokens.user(userId), claimBody(other, "replay-1"));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(MALL.rows(template)).isEqualTo(1);
		assertThat(MALL.rows(other)).isZero();
		assertThat(MALL.taken(other)).isZero();

		Answer limited = post("/api/v1/claims", TestTokens.user(userId), claimBody(template, "replay-2"));
		assertThat(limited.status()).isEqualTo(409);
		assertThat(limited.code()).isEqualTo("PER_USER_LIMIT");
		assertThat(MALL.taken(template)).isEqualTo(1);
	}

	@Test
	void stockStaysExactWhileTheMonolithClaimsToo() throws Exception {
		long template = MALL.onlineTemplate(60, 1);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<Answer>> calls = new ArrayList<>();
		AtomicInteger monolithIssued = new AtomicInteger();
		List<Future<?>> monolith = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			long userId = 840_000 + i;
			calls.add(pool
				.submit(() -> post("/api/v1/claims", TestTokens.user(userId), claimBody(template, "m-" + userId))));
			long monolithUser = 850_000 + i;
			monolith.add(pool.submit(() -> {
				if (MALL.monolithClaim(template, monolithUser)) {
					monolithIssued.incrementAndGet();
				}
			}));
		}
		int platformIssued = 0;
		for (Future<Answer> call : calls) {
			Answer answer = call.get(120, TimeUnit.SECONDS);
			assertThat(answer.status()).as(answer.body().toString()).isIn(201, 409);
			if (answer.status() == 201) {
				platformIssued++;
			}
		}
		for (Future<?> claim : monolith) {
			claim.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();
		assertThat(platformIssued + monolithIssued.get()).isEqualTo(60);
		assertThat(MALL.rows(template)).isEqualTo(60);
		assertThat(MALL.taken(template)).isEqualTo(60);
	}

	@Test
	void badInputIsRefusedAndWritesNothing() {
		long template = MALL.onlineTemplate(10, 1);
		long userId = 860_001;
		Answer badTemplate = post("/api/v1/claims", TestTokens.user(userId),
				"{\"templateId\":\"x1\",\"requestId\":\"b-1\"}");
		Answer badRequestId = post("/api/v1/claims", TestTokens.user(userId), claimBody(template, "no spaces"));
		Answer unknown = post("/api/v1/claims", TestTokens.user(userId), claimBody(987_654, "b-2"));
		assertThat(badTemplate.status()).isEqualTo(400);
		assertThat(badTemplate.contentType()).startsWith("application/problem+json");
		assertThat(badRequestId.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("TEMPLATE_NOT_FOUND");
		assertThat(MALL.rows(template)).isZero();
		assertThat(MALL.taken(template)).isZero();
		assertThat(MALL.sql()
			.sql("SELECT COUNT(*) FROM t_coupon_migration_claim_request WHERE uid = ?")
			.param(userId)
			.query(Long.class)
			.single()).isZero();
	}

}
