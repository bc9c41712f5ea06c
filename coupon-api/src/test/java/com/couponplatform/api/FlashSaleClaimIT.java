package com.couponplatform.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.claim.ClaimStockReconciler;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flash sale over HTTP: thousands of concurrent claims against a stock of 1,000 with a
 * limit of one per user, through the Redis gate — also when Redis loses everything it
 * knew about the template in the middle of the sale.
 */
class FlashSaleClaimIT extends ApiIntegrationTest {

	private static final int STOCK = 1000;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	ClaimStockReconciler reconciler;

	@Test
	void twoThousandConcurrentClaimsIssueExactlyTheStock() throws Exception {
		CouponTemplate template = activeTemplate(STOCK, 1);
		// 1,500 distinct users; 500 of them press twice with a new request ID.
		List<Claim> claims = new ArrayList<>();
		for (long user = 1; user <= 1500; user++) {
			claims.add(new Claim(3_000_000 + user, "first-" + user));
			if (user <= 500) {
				claims.add(new Claim(3_000_000 + user, "second-" + user));
			}
		}
		Collections.shuffle(claims, new Random(7));

		List<Answer> answers = claimAll(template, claims, null);

		assertThat(answers).hasSize(2000);
		assertThat(issued(answers)).hasSize(STOCK);
		assertThat(answers).filteredOn((answer) -> answer.status() != 201).allSatisfy((refused) -> {
			assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
			assertThat(refused.code()).isIn("SOLD_OUT", "PER_USER_LIMIT");
		});
		assertThat(couponRows(template.id())).isEqualTo(STOCK);
		assertThat(mostCouponsOfOneUser(template.id())).isEqualTo(1);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(STOCK);
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - couponRows(template.id()));
	}

	@Test
	void redisLosingTheGateMidSaleIssuesNothingBeyondStock() throws Exception {
		CouponTemplate template = activeTemplate(STOCK, 1);
		List<Claim> firstWave = new ArrayList<>();
		for (long user = 1; user <= 800; user++) {
			firstWave.add(new Claim(4_000_000 + user, "wave1-" + user));
		}
		// Redis forgets the template's stock, users and requests after 400 answers.
		List<Answer> first = claimAll(template, firstWave, 400);
		assertThat(issued(first)).hasSize(800);

		// The next 1,000: 500 winners of the first wave again, whom Redis no longer
		// knows, and 500 newcomers for the 200 coupons left.
		List<Claim> secondWave = new ArrayList<>();
		for (Answer won : issued(first).subList(0, 500)) {
			long userId = won.body().path("userId").asLong();
			secondWave.add(new Claim(userId, "wave2-" + userId));
		}
		for (long user = 1; user <= 500; user++) {
			secondWave.add(new Claim(4_100_000 + user, "wave2-" + user));
		}
		Collections.shuffle(secondWave, new Random(11));
		List<Answer> second = claimAll(template, secondWave, null);

		int rows = couponRows(template.id());
		assertThat(rows).isEqualTo(800 + issued(second).size()).isLessThanOrEqualTo(STOCK);
		assertThat(mostCouponsOfOneUser(template.id())).isEqualTo(1);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(rows);
		for (int i = 0; i < secondWave.size(); i++) {
			if (secondWave.get(i).userId() < 4_100_000) {
				// Refused by the database's unique key, or by Redis once sold out.
				assertThat(second.get(i).code()).isIn("PER_USER_LIMIT", "SOLD_OUT");
			}
		}

		// Reconciled, Redis agrees with the rows, and no unit was lost: newcomers one
		// by one take exactly what is left.
		ClaimStockReconciler.Reconciliation reconciled = this.reconciler.reconcile(template.id());
		assertThat(reconciled.drift()).isZero();
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - rows);
		int topUps = 0;
		for (long user = 1;; user++) {
			Answer answer = post("/api/v1/claims", TestTokens.user(4_200_000 + user),
					claimBody(template.id(), "top-up-" + user));
			if (answer.status() != 201) {
				assertThat(answer.code()).isEqualTo("SOLD_OUT");
				break;
			}
			topUps++;
		}
		assertThat(topUps).isEqualTo(STOCK - rows);
		assertThat(couponRows(template.id())).isEqualTo(STOCK);
		assertThat(redisRemaining(template.id())).isZero();
	}

	/**
	 * Sends every claim at once from 48 client threads.
	 * @param forgetAfter after this many answers Redis forgets the template's gate, or
	 * {@code null}
	 * @return the answers, in the order of the claims
	 */
	private List<Answer> claimAll(CouponTemplate template, List<Claim> claims, Integer forgetAfter) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(48);
		AtomicInteger answered = new AtomicInteger();
		try {
			List<Future<Answer>> calls = new ArrayList<>();
			for (Claim claim : claims) {
				Callable<Answer> call = () -> {
					Answer answer = post("/api/v1/claims", TestTokens.user(claim.userId()),
							claimBody(template.id(), claim.requestId()));
					if (forgetAfter != null && answered.incrementAndGet() == forgetAfter) {
						forgetClaimGate(template.id());
					}
					return answer;
				};
				calls.add(pool.submit(call));
			}
			List<Answer> answers = new ArrayList<>();
			for (Future<Answer> call : calls) {
				answers.add(call.get(120, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<Answer> issued(List<Answer> answers) {
		List<Answer> issued = answers.stream().filter((answer) -> answer.status() == 201).toList();
		Set<String> couponIds = new HashSet<>();
		issued.forEach((answer) -> couponIds.add(answer.body().path("couponId").asText()));
		assertThat(couponIds).as("coupon IDs are unique").hasSize(issued.size());
		return issued;
	}

	private record Claim(long userId, String requestId) {
	}

}
