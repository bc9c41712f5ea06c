package com.couponplatform.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import com.couponplatform.claim.ClaimStockReconciler;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.testsupport.DocumentedMetrics;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * coupon-api's /actuator/prometheus after real claims, wallet reads and redemptions:
 * every metric docs/metrics.md lists for it is there, and the counters moved by exactly
 * what the traffic did.
 */
@AutoConfigureObservability(tracing = false)
class MetricsScrapeIT extends ApiIntegrationTest {

	@Autowired
	ClaimStockReconciler reconciler;

	@Test
	void exportsEveryDocumentedMetricAndCountsTheTrafficExactly() throws Exception {
		String before = scrape();
		CouponTemplate template = activeTemplate(1, 1);
		long winner = 61_000_001L;
		long late = 61_000_002L;
		assertThat(post("/api/v1/claims", TestTokens.user(winner), claimBody(template.id(), "metrics-1")).status())
			.isEqualTo(201);
		assertThat(post("/api/v1/claims", TestTokens.user(late), claimBody(template.id(), "metrics-2")).status())
			.isEqualTo(409);
		assertThat(get("/api/v1/coupons", TestTokens.user(winner)).status()).isEqualTo(200);
		assertThat(post("/api/v1/redemptions", TestTokens.user(winner),
				"{\"code\":\"NOSUCHCODE234\",\"requestId\":\"metrics-r1\"}")
			.status()).isEqualTo(422);
		// Reconciliation runs on a timer in production, here when the test says.
		assertThat(this.reconciler.reconcile(template.id()).drift()).isZero();

		// The outbox meters are checked for presence only: the JVM's other application
		// contexts relay the same shards, so which one publishes the event is not fixed.
		String after = scrape();

		assertThat(DocumentedMetrics.missing("api", after)).isEmpty();
		assertThat(delta(before, after, "coupon_claims_total{outcome=\"issued\"}")).isEqualTo(1);
		assertThat(delta(before, after, "coupon_claims_total{outcome=\"sold_out\"}")).isEqualTo(1);
		assertThat(delta(before, after, "coupon_claim_latency_seconds_count")).isEqualTo(2);
		assertThat(delta(before, after, "coupon_claim_latency_seconds_bucket{le=\"+Inf\"}")).isEqualTo(2);
		assertThat(after).contains("coupon_claim_latency_seconds_bucket{le=\"0.1\"}");
		assertThat(delta(before, after, "coupon_redemptions_total{outcome=\"code_not_redeemable\"}")).isEqualTo(1);
		assertThat(delta(before, after, "coupon_cache_requests_total{cache=\"template\"}")).isGreaterThanOrEqualTo(2);
		assertThat(DocumentedMetrics.value(after, "coupon_shard_available{database=\"ds_0\"}")).isEqualTo(1);
		assertThat(after).contains("coupon_claim_stock_drift{template=\"" + template.id() + "\"} 0.0");
	}

	private static double delta(String before, String after, String series) {
		return DocumentedMetrics.value(after, series) - DocumentedMetrics.value(before, series);
	}

	private String scrape() {
		Map.Entry<Integer, String> scraped = new TestHttp(this.port).text("/actuator/prometheus",
				"Bearer " + TestTokens.service());
		assertThat(scraped.getKey()).isEqualTo(200);
		return scraped.getValue();
	}

}
