package com.couponplatform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.claim.ClaimStockReconciler;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.testsupport.ChildApplication;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim worker killed with SIGKILL after the Redis gate took stock and before the
 * database write: nothing compensates in the dying process, so reconciliation must give
 * the unit back, and every claim acknowledged before the kill must still be there.
 */
class ClaimWorkerKillIT extends ApiIntegrationTest {

	private static final int STOCK = 50;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	ClaimStockReconciler reconciler;

	@Test
	void reconciliationGivesBackTheStockOfAWorkerKilledMidClaim() throws Exception {
		CouponTemplate template = activeTemplate(STOCK, 1);
		ChildApplication worker = startWorker();
		List<String> acknowledged = new ArrayList<>();
		CompletableFuture<Answer> dying;
		try {
			TestHttp workerHttp = new TestHttp(worker.port());
			for (long user = 1; user <= 20; user++) {
				Answer answer = workerHttp.call("POST", "/api/v1/claims", "Bearer " + TestTokens.user(7_000_000 + user),
						claimBody(template.id(), "ok-" + user));
				assertThat(answer.status()).isEqualTo(201);
				acknowledged.add(answer.body().path("couponId").asText());
			}
			dying = CompletableFuture.supplyAsync(() -> workerHttp.call("POST", "/api/v1/claims",
					"Bearer " + TestTokens.user(7_000_100), claimBody(template.id(), "kill-1")));
			assertThat(worker.awaitMarker(60)).as("the claim reached the kill point").isTrue();
		}
		finally {
			worker.kill();
		}
		assertThat(dying).failsWithin(30, TimeUnit.SECONDS);

		// The dead claim holds a unit in Redis and wrote nothing.
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 21);
		assertThat(couponRows(template.id())).isEqualTo(20);

		ClaimStockReconciler.Reconciliation reconciled = this.reconciler.reconcile(template.id());
		assertThat(reconciled.released()).isEqualTo(1);
		assertThat(reconciled.drift()).isZero();
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 20);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(20);
		for (int i = 0; i < acknowledged.size(); i++) {
			Answer coupon = get("/api/v1/coupons/" + acknowledged.get(i), TestTokens.user(7_000_001 + i));
			assertThat(coupon.status()).as("acknowledged coupon " + acknowledged.get(i)).isEqualTo(200);
		}
		// The killed request, retried by its client, now issues.
		Answer retried = post("/api/v1/claims", TestTokens.user(7_000_100), claimBody(template.id(), "kill-1"));
		assertThat(retried.status()).isEqualTo(201);
		assertThat(couponRows(template.id())).isEqualTo(21);
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 21);
	}

	@Test
	void reconciliationSetsTheGuardedCounterBackForAWorkerKilledBetweenCounterAndRow() throws Exception {
		CouponTemplate template = activeTemplate(STOCK, 1);
		ChildApplication worker = startWorker();
		CompletableFuture<Answer> dying;
		try {
			TestHttp workerHttp = new TestHttp(worker.port());
			for (long user = 1; user <= 5; user++) {
				assertThat(workerHttp
					.call("POST", "/api/v1/claims", "Bearer " + TestTokens.user(7_100_000 + user),
							claimBody(template.id(), "ok-" + user))
					.status()).isEqualTo(201);
			}
			dying = CompletableFuture.supplyAsync(() -> workerHttp.call("POST", "/api/v1/claims",
					"Bearer " + TestTokens.user(7_100_100), claimBody(template.id(), "killstock-1")));
			assertThat(worker.awaitMarker(60)).as("the claim took the counter and stopped").isTrue();
		}
		finally {
			worker.kill();
		}
		assertThat(dying).failsWithin(30, TimeUnit.SECONDS);

		// The dead claim holds a unit in Redis and one in the guarded counter, and wrote
		// no row.
		assertThat(couponRows(template.id())).isEqualTo(5);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(6);
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 6);

		ClaimStockReconciler.Reconciliation reconciled = this.reconciler.reconcile(template.id());
		assertThat(reconciled.released()).isEqualTo(1);
		assertThat(reconciled.repaired()).isEqualTo(1);
		assertThat(reconciled.drift()).isZero();
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(5);
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 5);

		// Nothing is left to repair, and the retried request issues exactly once.
		assertThat(this.reconciler.reconcile(template.id()).repaired()).isZero();
		Answer retried = post("/api/v1/claims", TestTokens.user(7_100_100), claimBody(template.id(), "killstock-1"));
		assertThat(retried.status()).isEqualTo(201);
		assertThat(couponRows(template.id())).isEqualTo(6);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(6);
	}

	/** coupon-api with the kill point, in a child JVM on this JVM's databases. */
	private static ChildApplication startWorker() throws Exception {
		return ChildApplication.start(ClaimWorker.class, "claim-worker", FaultInjection.AT_KILL_POINT,
				List.of(TestServices.commandLine("coupon.jwt.secret=" + TestTokens.SECRET,
						"coupon.claim.reconcile-interval=0s")));
	}

}
