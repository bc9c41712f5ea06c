package com.couponplatform.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.checkout.CouponExpirer;
import com.couponplatform.checkout.StaleLockSweeper;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout on OLD: of 50 orders racing for one legacy coupon one wins; lock, consume,
 * refund and release write the coupon row and the use log as the monolith does (state,
 * {@code order_no}, {@code version}, {@code use_time}, the discount in yuan); every call
 * replays; an order ID over 32 characters is 400; the quote reads OLD's coupons; the
 * stale-lock sweep and the expiry job move OLD's rows.
 */
class LegacyCheckoutIT extends LegacyApiIntegrationTest {

	private static final String SERVICE = TestTokens.service();

	@Autowired
	StaleLockSweeper sweeper;

	@Autowired
	CouponExpirer expirer;

	@Test
	void oneOfFiftyOrdersWinsAndEveryMoveIsLoggedAsTheMonolithLogsIt() throws Exception {
		// Spend 100.00 save 20.00.
		long template = MALL.template(2, new BigDecimal("20.00"), new BigDecimal("100.00"), BigDecimal.ZERO, null, 100,
				1, 1, 30);
		long userId = 880_001;
		Instant now = Instant.now();
		long coupon = MALL.coupon(userId, template, 0, 1, now.minus(1, ChronoUnit.DAYS), now.plus(20, ChronoUnit.DAYS),
				null);

		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<Answer>> calls = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String order = "RACE-" + i;
			calls.add(pool.submit(() -> lock(order, coupon, 15_000, userId)));
		}
		Map<Integer, Integer> statuses = new TreeMap<>();
		String winner = null;
		for (int i = 0; i < calls.size(); i++) {
			Answer answer = calls.get(i).get(60, TimeUnit.SECONDS);
			statuses.merge(answer.status(), 1, Integer::sum);
			if (answer.status() == 200) {
				winner = "RACE-" + i;
			}
			else {
				assertThat(answer.code()).isEqualTo("COUPON_NOT_AVAILABLE");
			}
		}
		pool.shutdown();
		assertThat(statuses).isEqualTo(Map.of(200, 1, 409, 49));
		assertThat(row(coupon)).isEqualTo(Map.of("state", 1, "order_no", winner, "version", 1, "use_time", "null"));
		assertThat(log(coupon)).containsExactly(winner + " 1 20.00");
		assertThat(lock(winner, coupon, 15_000, userId).body().path("status").asText()).isEqualTo("LOCKED");

		Answer consumed = order(winner, "coupon-lock/consume", userId);
		assertThat(consumed.status()).isEqualTo(200);
		assertThat(consumed.body().path("status").asText()).isEqualTo("USED");
		assertThat(order(winner, "coupon-lock/consume", userId).status()).isEqualTo(200);
		assertThat(row(coupon).get("state")).isEqualTo(2);
		assertThat(row(coupon).get("version")).isEqualTo(2);
		assertThat(row(coupon).get("use_time")).isNotEqualTo("null");
		assertThat(order(winner, "coupon-lock/release", userId).code()).isEqualTo("ILLEGAL_TRANSITION");

		Answer refunded = order(winner, "coupon-refund", userId);
		assertThat(refunded.status()).isEqualTo(200);
		assertThat(refunded.body().path("status").asText()).isEqualTo("UNUSED");
		assertThat(order(winner, "coupon-refund", userId).status()).isEqualTo(200);
		assertThat(row(coupon)).isEqualTo(Map.of("state", 0, "order_no", "null", "version", 3, "use_time", "null"));

		// Locked again by another order, then abandoned.
		assertThat(lock("AGAIN-1", coupon, 30_000, userId).status()).isEqualTo(200);
		assertThat(order("AGAIN-1", "coupon-lock/release", userId).body().path("status").asText()).isEqualTo("UNUSED");
		assertThat(order("AGAIN-1", "coupon-lock/release", userId).status()).isEqualTo(200);
		assertThat(row(coupon)).isEqualTo(Map.of("state", 0, "order_no", "null", "version", 5, "use_time", "null"));
		assertThat(log(coupon)).containsExactly(winner + " 1 20.00", winner + " 2 20.00", winner + " 4 20.00",
				"AGAIN-1 1 20.00", "AGAIN-1 3 0.00");

		// Below the threshold: refused, nothing written.
		Answer below = lock("BELOW-1", coupon, 9_999, userId);
		assertThat(below.status()).isEqualTo(422);
		assertThat(below.code()).isEqualTo("THRESHOLD_NOT_MET");
		assertThat(row(coupon).get("version")).isEqualTo(5);
		assertThat(log(coupon)).hasSize(5);
	}

	@Test
	void anOrderIdLongerThanTheLegacyColumnIsRefused() {
		long template = MALL.onlineTemplate(10, 1);
		long userId = 880_002;
		Instant now = Instant.now();
		long coupon = MALL.coupon(userId, template, 0, 1, now, now.plus(5, ChronoUnit.DAYS), null);
		Answer refused = lock("O".repeat(33), coupon, 1_000, userId);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("orderId");
		assertThat(lock("O".repeat(32), coupon, 1_000, userId).status()).isEqualTo(200);
	}

	@Test
	void theQuoteReadsTheUsersLegacyCoupons() {
		long cash = MALL.onlineTemplate(10, 1);
		long rate = MALL.template(3, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("8.5"), new BigDecimal("30.00"),
				10, 1, 1, 30);
		long userId = 880_003;
		Instant now = Instant.now();
		long cashCoupon = MALL.coupon(userId, cash, 0, 1, now, now.plus(5, ChronoUnit.DAYS), null);
		long rateCoupon = MALL.coupon(userId, rate, 0, 1, now, now.plus(5, ChronoUnit.DAYS), null);
		long expired = MALL.coupon(userId, rate, 0, 1, now.minus(9, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS),
				null);
		MALL.coupon(userId, rate, 2, 1, now, now.plus(5, ChronoUnit.DAYS), "PAID-1");
		Answer quote = post("/api/v1/checkout/quote", SERVICE, "{\"userId\":\"" + userId
				+ "\",\"items\":[{\"skuId\":\"S1\",\"categoryId\":\"C1\",\"unitPrice\":10000,\"quantity\":1}]}");
		assertThat(quote.status()).isEqualTo(200);
		// 15% of 100.00 is 15.00, more than the 5.00 voucher.
		assertThat(quote.body().path("best").path("couponId").asText()).isEqualTo(Long.toString(rateCoupon));
		assertThat(quote.body().path("best").path("discount").asLong()).isEqualTo(1500);
		assertThat(quote.body().path("usable")).hasSize(2);
		assertThat(quote.body().path("usable").get(1).path("couponId").asText()).isEqualTo(Long.toString(cashCoupon));
		assertThat(quote.body().path("unusable")).hasSize(1);
		assertThat(quote.body().path("unusable").get(0).path("couponId").asText()).isEqualTo(Long.toString(expired));
		assertThat(quote.body().path("unusable").get(0).path("reason").asText()).isEqualTo("EXPIRED");
	}

	@Test
	void theSweepReleasesOverdueLocksAndTheExpiryJobExpiresPastCoupons() {
		long template = MALL.onlineTemplate(10, 1);
		long userId = 880_004;
		Instant now = Instant.now();
		long locked = MALL.coupon(userId, template, 0, 1, now, now.plus(5, ChronoUnit.DAYS), null);
		assertThat(lock("STALE-1", locked, 1_000, userId).status()).isEqualTo(200);
		assertThat(lock("FRESH-1", MALL.coupon(userId, template, 0, 1, now, now.plus(5, ChronoUnit.DAYS), null), 1_000,
				userId)
			.status()).isEqualTo(200);
		MALL.sql()
			.sql("UPDATE t_coupon_migration_order SET lock_expires_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND "
					+ "WHERE order_no = 'STALE-1'")
			.update();
		assertThat(this.sweeper.sweep()).isEqualTo(1);
		assertThat(row(locked)).isEqualTo(Map.of("state", 0, "order_no", "null", "version", 2, "use_time", "null"));
		assertThat(log(locked)).containsExactly("STALE-1 1 5.00", "STALE-1 3 0.00");
		assertThat(this.sweeper.sweep()).isZero();

		long pastDue = MALL.coupon(userId, template, 0, 1, now.minus(9, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS),
				null);
		long nullExpire = MALL.coupon(userId, template, 0, 1, Instant.parse("2018-05-01T00:00:00Z"), null, null);
		long current = MALL.coupon(userId, template, 0, 1, now, now.plus(5, ChronoUnit.DAYS), null);
		long used = MALL.coupon(userId, template, 2, 1, now.minus(9, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS),
				"USED-1");
		long before = this.expirer.expire();
		assertThat(before).isGreaterThanOrEqualTo(2);
		assertThat(row(pastDue)).containsEntry("state", 3).containsEntry("version", 1);
		assertThat(row(nullExpire)).containsEntry("state", 3).containsEntry("version", 1);
		assertThat(row(current)).containsEntry("state", 0).containsEntry("version", 0);
		assertThat(row(used)).containsEntry("state", 2).containsEntry("version", 0);
		assertThat(this.expirer.expire()).isZero();
	}

	private Answer lock(String orderId, long couponId, long amount, long userId) {
		return post("/api/v1/orders/" + orderId + "/coupon-lock", SERVICE,
				"{\"couponId\":\"" + couponId + "\",\"orderAmount\":" + amount + ",\"userId\":\"" + userId + "\"}");
	}

	private Answer order(String orderId, String action, long userId) {
		return post("/api/v1/orders/" + orderId + "/" + action, SERVICE, "{\"userId\":\"" + userId + "\"}");
	}

	private static Map<String, Object> row(long couponId) {
		return MALL.sql()
			.sql("SELECT state, COALESCE(order_no, 'null') AS o, version, IF(use_time IS NULL, 'null', 'set') AS u "
					+ "FROM t_user_coupon WHERE id = ?")
			.param(couponId)
			.query((rs, n) -> Map.<String, Object>of("state", rs.getInt(1), "order_no", rs.getString(2), "version",
					rs.getInt(3), "use_time", rs.getString(4)))
			.single();
	}

	private static List<String> log(long couponId) {
		return MALL.sql()
			.sql("SELECT CONCAT(order_no, ' ', action, ' ', amount) FROM t_coupon_use_log WHERE user_coupon_id = ? "
					+ "ORDER BY id")
			.param(couponId)
			.query(String.class)
			.list();
	}

}
