package com.couponplatform.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.claim.ClaimStockReconciler;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults between the Redis gate and the database write ({@link FaultInjection}): the
 * stock a failed claim took comes back, and a client retrying after a timeout gets one
 * coupon.
 */
class ClaimFaultIT extends ApiIntegrationTest {

	private static final int STOCK = 100;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	ClaimStockReconciler reconciler;

	@Test
	void aClaimFailingAfterTheGateGivesItsStockBack() {
		CouponTemplate template = activeTemplate(STOCK, 1);
		List<Answer> failed = new ArrayList<>();
		List<Answer> issued = new ArrayList<>();
		for (long user = 1; user <= 30; user++) {
			failed.add(post("/api/v1/claims", TestTokens.user(6_000_000 + user),
					claimBody(template.id(), "boom-" + user)));
			issued
				.add(post("/api/v1/claims", TestTokens.user(6_100_000 + user), claimBody(template.id(), "ok-" + user)));
		}

		assertThat(failed).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(500);
			assertThat(answer.code()).isEqualTo("INTERNAL_ERROR");
		});
		assertThat(issued).allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(201));
		// Compensated at once, before any reconciliation: Redis, the counter and the
		// rows agree.
		assertThat(couponRows(template.id())).isEqualTo(30);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(30);
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 30);
		// The users whose claim failed still have their allowance.
		Answer again = post("/api/v1/claims", TestTokens.user(6_000_001), claimBody(template.id(), "after-boom"));
		assertThat(again.status()).isEqualTo(201);

		ClaimStockReconciler.Reconciliation reconciled = this.reconciler.reconcile(template.id());
		assertThat(reconciled.released()).isZero();
		assertThat(reconciled.repaired()).isZero();
		assertThat(reconciled.drift()).isZero();
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 31);
	}

	@Test
	void aRetryAfterAClientTimeoutIssuesOneCoupon() throws Exception {
		CouponTemplate template = activeTemplate(STOCK, 1);
		long userId = 6_200_001;
		String body = claimBody(template.id(), "stall-1");
		// The first call stalls after the gate; the client gives up after one second.
		HttpRequest impatient = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/claims"))
			.timeout(Duration.ofSeconds(1))
			.header("Authorization", "Bearer " + TestTokens.user(userId))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		assertThatThrownBy(() -> HttpClient.newHttpClient().send(impatient, HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(HttpTimeoutException.class);

		// The retry comes while the first call is still inside: one of the two writes
		// the row, the other finds it.
		Answer retry = post("/api/v1/claims", TestTokens.user(userId), body);
		assertThat(retry.status()).isIn(200, 201);
		Thread.sleep(FaultInjection.STALL_MILLIS + 1000);
		Answer later = post("/api/v1/claims", TestTokens.user(userId), body);
		assertThat(later.status()).isEqualTo(200);
		assertThat(later.body().path("couponId")).isEqualTo(retry.body().path("couponId"));

		assertThat(couponRows(template.id())).isEqualTo(1);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(1);
		ClaimStockReconciler.Reconciliation reconciled = this.reconciler.reconcile(template.id());
		assertThat(reconciled.drift()).isZero();
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 1);
	}

}
