package com.couponplatform.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.statistic.ReadTemplateStatistic;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of concurrent claims over HTTP against a small stock: exactly the stock is
 * issued, no user beyond their limit, and retries issue nothing new.
 */
class ClaimConcurrencyIT extends ApiIntegrationTest {

	private static final int STOCK = 60;

	private static final int PER_USER_LIMIT = 2;

	private static final int USERS = 100;

	private static final int CLAIMS_PER_USER = 3;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	ReadTemplateStatistic statistics;

	@Test
	void neverIssuesMoreThanStockOrAnyUsersLimitUnderConcurrentClaims() throws Exception {
		CouponTemplate template = activeTemplate(STOCK, PER_USER_LIMIT);
		Map<String, Answer> firstAnswers = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(24);
		List<Future<?>> calls = new ArrayList<>();
		for (int i = 0; i < CLAIMS_PER_USER; i++) {
			for (long user = 1; user <= USERS; user++) {
				long userId = 700_000 + user;
				String requestId = "c-" + userId + "-" + i;
				calls.add(pool.submit(() -> firstAnswers.put(requestId,
						post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), requestId)))));
			}
		}
		for (Future<?> call : calls) {
			call.get(120, TimeUnit.SECONDS);
		}

		Map<Long, Integer> createdPerUser = new HashMap<>();
		int created = 0;
		for (Map.Entry<String, Answer> answer : firstAnswers.entrySet()) {
			Answer response = answer.getValue();
			if (response.status() == 201) {
				created++;
				createdPerUser.merge(response.body().path("userId").asLong(), 1, Integer::sum);
			}
			else {
				assertThat(response.status()).as(answer.getKey() + " " + response.body()).isEqualTo(409);
				assertThat(response.code()).isIn("SOLD_OUT", "PER_USER_LIMIT");
			}
		}
		assertThat(created).isEqualTo(STOCK);
		assertThat(createdPerUser.values())
			.allSatisfy((count) -> assertThat(count).isLessThanOrEqualTo(PER_USER_LIMIT));
		assertThat(couponRows(template.id())).isEqualTo(STOCK);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(STOCK);

		// Every retry of an issued claim, concurrently, answers 200 with the same coupon
		// and writes nothing.
		List<Future<?>> retries = new ArrayList<>();
		for (Map.Entry<String, Answer> answer : firstAnswers.entrySet()) {
			if (answer.getValue().status() == 201) {
				String requestId = answer.getKey();
				long userId = answer.getValue().body().path("userId").asLong();
				retries.add(pool.submit(() -> {
					Answer retry = post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), requestId));
					assertThat(retry.status()).isEqualTo(200);
					assertThat(retry.body()).isEqualTo(answer.getValue().body());
				}));
			}
		}
		for (Future<?> retry : retries) {
			retry.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();
		assertThat(retries).hasSize(STOCK);
		assertThat(couponRows(template.id())).isEqualTo(STOCK);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(STOCK);

		// The CouponClaimed events travel outbox -> relay -> broker -> consumer: the
		// statistic converges on the rows (a fresh broker can take half a minute for a
		// new consumer group).
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (this.statistics.read(template.id()).issued() < STOCK && System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		assertThat(this.statistics.read(template.id()).issued()).isEqualTo(STOCK);
	}

}
