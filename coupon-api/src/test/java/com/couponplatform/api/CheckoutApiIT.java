package com.couponplatform.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.checkout.StaleLockSweeper;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.statistic.TemplateStatistic;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coupon's life inside orders over HTTP, as the checkout service drives it: lock,
 * consume, release, refund — idempotent by order, exactly one winner of a race, stale
 * locks released, and statistics that agree with the rows.
 */
class CheckoutApiIT extends ApiIntegrationTest {

	@Autowired
	StaleLockSweeper sweeper;

	private static final String SERVICE = TestTokens.service();

	@Test
	void locksConsumesAndAnswersTheSameOnEveryRepeat() {
		long userId = 7001;
		CouponTemplate template = thresholdTemplate(10_000, 1_000, true);
		String couponId = claim(template, userId, "c-1");

		Answer locked = lock("order-7001-a", couponId, 12_000, userId);
		assertThat(locked.status()).isEqualTo(200);
		assertThat(locked.body().path("status").asText()).isEqualTo("LOCKED");
		assertThat(lock("order-7001-a", couponId, 12_000, userId).body()).isEqualTo(locked.body());
		assertThat(couponStatus(userId, couponId)).isEqualTo("LOCKED");

		Answer consumed = order("order-7001-a", "coupon-lock/consume", userId);
		assertThat(consumed.status()).isEqualTo(200);
		assertThat(consumed.body().path("status").asText()).isEqualTo("USED");
		Answer again = order("order-7001-a", "coupon-lock/consume", userId);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(consumed.body());
		// Locking the order again after it was paid is a replay too.
		assertThat(lock("order-7001-a", couponId, 12_000, userId).body().path("status").asText()).isEqualTo("USED");

		Answer releaseAfterConsume = order("order-7001-a", "coupon-lock/release", userId);
		assertThat(releaseAfterConsume.status()).isEqualTo(409);
		assertThat(releaseAfterConsume.code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(couponStatus(userId, couponId)).isEqualTo("USED");
		assertThat(orderRow(userId, "order-7001-a")).isEqualTo("USED");
	}

	@Test
	void refusesCallsWithoutCredentialsAndMalformedCartsWritingNothing() {
		long userId = 7050;
		String couponId = claim(thresholdTemplate(0, 300, true), userId, "c-1");
		String cart = "{\"items\":[{\"skuId\":\"a\",\"categoryId\":\"c\",\"unitPrice\":100,\"quantity\":1}]}";

		for (Answer anonymous : List.of(post("/api/v1/checkout/quote", null, cart),
				post("/api/v1/orders/order-7050-a/coupon-lock", null,
						"{\"couponId\":\"" + couponId + "\",\"orderAmount\":1000,\"userId\":\"" + userId + "\"}"),
				post("/api/v1/orders/order-7050-a/coupon-lock/consume", null, "{\"userId\":\"" + userId + "\"}"),
				post("/api/v1/orders/order-7050-a/coupon-lock/release", null, "{\"userId\":\"" + userId + "\"}"),
				post("/api/v1/orders/order-7050-a/coupon-refund", null, "{\"userId\":\"" + userId + "\"}"))) {
			assertThat(anonymous.status()).isEqualTo(401);
			assertThat(anonymous.contentType()).startsWith("application/problem+json");
			assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
		}

		String token = TestTokens.user(userId);
		Answer noLines = post("/api/v1/checkout/quote", token, "{\"items\":[]}");
		assertThat(noLines.status()).isEqualTo(400);
		assertThat(noLines.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(noLines.body().path("errors").get(0).path("field").asText()).isEqualTo("items");
		Answer negativePrice = post("/api/v1/checkout/quote", token,
				"{\"items\":[{\"skuId\":\"a\",\"categoryId\":\"c\",\"unitPrice\":-1,\"quantity\":1}]}");
		assertThat(negativePrice.status()).isEqualTo(400);
		assertThat(negativePrice.body().path("errors").get(0).path("field").asText()).isEqualTo("items[0].unitPrice");
		assertThat(post("/api/v1/checkout/quote", token, "{\"items\":").code()).isEqualTo("VALIDATION_FAILED");
		assertThat(post("/api/v1/checkout/quote", TestTokens.user(userId + 1),
				"{\"userId\":\"" + userId + "\"," + cart.substring(1))
			.code()).as("a user quotes only their own coupons").isEqualTo("FORBIDDEN");
		assertThat(couponStatus(userId, couponId)).isEqualTo("UNUSED");
		assertThat(orderRow(userId, "order-7050-a")).isNull();
	}

	@Test
	void refusesWhatTheRulesRefuseWithTheContractsCodes() {
		long userId = 7002;
		CouponTemplate template = thresholdTemplate(10_000, 1_000, true);
		String couponId = claim(template, userId, "c-1");
		String otherCouponId = claim(template, userId, "c-2");

		Answer shortOrder = lock("order-7002-a", couponId, 9_000, userId);
		assertThat(shortOrder.status()).isEqualTo(422);
		assertThat(shortOrder.code()).isEqualTo("THRESHOLD_NOT_MET");
		assertThat(shortOrder.body().path("missingAmount").asLong()).isEqualTo(1_000);
		assertThat(orderRow(userId, "order-7002-a")).isNull();
		assertThat(couponStatus(userId, couponId)).isEqualTo("UNUSED");

		assertThat(lock("order-7002-a", couponId, 10_000, userId).status()).isEqualTo(200);
		Answer otherCoupon = lock("order-7002-a", otherCouponId, 10_000, userId);
		assertThat(otherCoupon.status()).isEqualTo(409);
		assertThat(otherCoupon.code()).isEqualTo("ORDER_HAS_OTHER_COUPON");
		Answer heldElsewhere = lock("order-7002-b", couponId, 10_000, userId);
		assertThat(heldElsewhere.status()).isEqualTo(409);
		assertThat(heldElsewhere.code()).isEqualTo("COUPON_NOT_AVAILABLE");
		assertThat(orderRow(userId, "order-7002-b")).isNull();

		// Someone else's coupon does not exist for this user; unknown orders are 404.
		Answer foreign = lock("order-7002-c", couponId, 10_000, 7003);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.code()).isEqualTo("COUPON_NOT_FOUND");
		assertThat(order("order-none", "coupon-lock/consume", userId).code()).isEqualTo("NOT_FOUND");
		Answer refundLocked = order("order-7002-a", "coupon-refund", userId);
		assertThat(refundLocked.status()).isEqualTo(409);
		assertThat(refundLocked.code()).isEqualTo("ILLEGAL_TRANSITION");

		// Only the checkout service changes an order's coupon; bad input is a 400.
		Answer byUser = post("/api/v1/orders/order-7002-d/coupon-lock", TestTokens.user(userId),
				"{\"couponId\":\"" + otherCouponId + "\",\"orderAmount\":10000}");
		assertThat(byUser.status()).isEqualTo(403);
		assertThat(byUser.code()).isEqualTo("FORBIDDEN");
		assertThat(lock("bad.order", otherCouponId, 10_000, userId).code()).isEqualTo("VALIDATION_FAILED");
		assertThat(lock("order-7002-e", otherCouponId, -1, userId).code()).isEqualTo("VALIDATION_FAILED");
		assertThat(post("/api/v1/orders/order-7002-e/coupon-lock/consume", SERVICE, null).code())
			.isEqualTo("VALIDATION_FAILED");
		assertThat(couponStatus(userId, otherCouponId)).isEqualTo("UNUSED");
	}

	@Test
	void ofAHundredOrdersRacingForOneCouponExactlyOneWins() throws Exception {
		long userId = 7010;
		String couponId = claim(thresholdTemplate(0, 300, true), userId, "c-1");
		ExecutorService pool = Executors.newFixedThreadPool(32);
		List<Callable<Answer>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String orderId = "race-7010-" + i;
			calls.add(() -> lock(orderId, couponId, 5_000, userId));
		}
		List<Answer> answers = new ArrayList<>();
		for (Future<Answer> answer : pool.invokeAll(calls, 120, TimeUnit.SECONDS)) {
			answers.add(answer.get());
		}
		pool.shutdown();

		Map<String, Long> outcomes = answers.stream()
			.collect(Collectors.groupingBy((answer) -> answer.status() + " " + answer.code(), TreeMap::new,
					Collectors.counting()));
		assertThat(outcomes)
			.containsExactlyEntriesOf(new TreeMap<>(Map.of("200 ", 1L, "409 COUPON_NOT_AVAILABLE", 99L)));
		int winner = answers.indexOf(answers.stream().filter((answer) -> answer.status() == 200).findFirst().get());
		assertThat(lockedOrders(userId)).containsExactly("race-7010-" + winner);

		// Consuming the winner twice: one USED coupon, the same answer both times.
		Answer first = order("race-7010-" + winner, "coupon-lock/consume", userId);
		Answer second = order("race-7010-" + winner, "coupon-lock/consume", userId);
		assertThat(first.body().path("status").asText()).isEqualTo("USED");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(couponStatus(userId, couponId)).isEqualTo("USED");
		assertThat(order("race-7010-" + ((winner + 1) % 100), "coupon-lock/consume", userId).code())
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void releasesAStaleLockOnceAndLetsAnotherOrderTakeTheCoupon() throws Exception {
		long userId = 7020;
		String couponId = claim(thresholdTemplate(0, 300, true), userId, "c-1");
		assertThat(lock("order-7020-a", couponId, 1_000, userId).status()).isEqualTo(200);
		assertThat(this.sweeper.sweep()).isGreaterThanOrEqualTo(0);
		assertThat(orderRow(userId, "order-7020-a")).as("a fresh lock stays").isEqualTo("LOCKED");

		makeLockOverdue(userId, "order-7020-a");
		this.sweeper.sweep();
		assertThat(orderRow(userId, "order-7020-a")).isEqualTo("RELEASED");
		assertThat(couponStatus(userId, couponId)).isEqualTo("UNUSED");

		// The released order cannot be paid with it any more; another order can take it.
		Answer late = order("order-7020-a", "coupon-lock/consume", userId);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("COUPON_NOT_AVAILABLE");
		assertThat(lock("order-7020-b", couponId, 1_000, userId).status()).isEqualTo(200);
		assertThat(order("order-7020-a", "coupon-lock/release", userId).body().path("status").asText())
			.as("releasing a released order replays, and does not touch the coupon's new order")
			.isEqualTo("LOCKED");
		assertThat(orderRow(userId, "order-7020-b")).isEqualTo("LOCKED");
	}

	@Test
	void refundGivesTheCouponBackOnceAndStatisticsAgreeWithTheRows() throws Exception {
		long userId = 7030;
		CouponTemplate refundable = thresholdTemplate(0, 300, true);
		CouponTemplate keepsUsed = thresholdTemplate(0, 300, false);
		String couponId = claim(refundable, userId, "c-1");
		String keptId = claim(keepsUsed, userId, "c-2");

		assertThat(lock("order-7030-a", couponId, 1_000, userId).status()).isEqualTo(200);
		assertThat(order("order-7030-a", "coupon-lock/consume", userId).status()).isEqualTo(200);
		Answer refunded = order("order-7030-a", "coupon-refund", userId);
		assertThat(refunded.status()).isEqualTo(200);
		assertThat(refunded.body().path("status").asText()).isEqualTo("UNUSED");
		assertThat(order("order-7030-a", "coupon-refund", userId).body()).isEqualTo(refunded.body());
		assertThat(couponStatus(userId, couponId)).isEqualTo("UNUSED");

		// Used again by another order, then refunded again: each order refunds once.
		assertThat(lock("order-7030-b", couponId, 1_000, userId).status()).isEqualTo(200);
		assertThat(order("order-7030-b", "coupon-lock/consume", userId).status()).isEqualTo(200);
		assertThat(order("order-7030-a", "coupon-refund", userId).body().path("status").asText())
			.as("the first order's refund replays without touching the coupon")
			.isEqualTo("USED");
		assertThat(couponStatus(userId, couponId)).isEqualTo("USED");

		// A template that is not refundable keeps its coupon used, and says so.
		assertThat(lock("order-7030-c", keptId, 1_000, userId).status()).isEqualTo(200);
		assertThat(order("order-7030-c", "coupon-lock/consume", userId).status()).isEqualTo(200);
		assertThat(order("order-7030-c", "coupon-refund", userId).body().path("status").asText()).isEqualTo("USED");
		assertThat(orderRow(userId, "order-7030-c")).isEqualTo("REFUNDED");

		awaitStatistics(refundable.id(), new TemplateStatistic(refundable.id(), 1, 0, 0, 1, 0, 1, null));
		awaitStatistics(keepsUsed.id(), new TemplateStatistic(keepsUsed.id(), 1, 0, 0, 1, 0, 0, null));
		assertThat(rowsByStatus(refundable.id())).isEqualTo(Map.of("USED", 1));
	}

	@Test
	void quotesTheCartWithTheBestCouponSplitAcrossItsLines() {
		long userId = 7040;
		CouponTemplate tenOff = thresholdTemplate(5_000, 1_000, true);
		CouponTemplate threeOff = thresholdTemplate(0, 300, true);
		CouponTemplate farOff = thresholdTemplate(50_000, 9_000, true);
		String tenOffId = claim(tenOff, userId, "c-1");
		String threeOffId = claim(threeOff, userId, "c-2");
		String farOffId = claim(farOff, userId, "c-3");
		String lockedId = claim(threeOff, userId, "c-4");
		assertThat(lock("order-7040-a", lockedId, 1_000, userId).status()).isEqualTo(200);

		Answer quote = post("/api/v1/checkout/quote", TestTokens.user(userId), """
				{"items":[{"skuId":"a","categoryId":"c1","unitPrice":1999,"quantity":2},
				          {"skuId":"b","categoryId":"c2","unitPrice":1001,"quantity":1},
				          {"skuId":"c","categoryId":"c2","unitPrice":1,"quantity":3}]}
				""");
		assertThat(quote.status()).isEqualTo(200);
		assertThat(quote.body().path("usable").toString()).isEqualTo("[{\"couponId\":\"" + tenOffId
				+ "\",\"discount\":1000},{\"couponId\":\"" + threeOffId + "\",\"discount\":300}]");
		assertThat(quote.body().path("unusable").toString())
			.isEqualTo("[{\"couponId\":\"" + lockedId + "\",\"reason\":\"LOCKED\"},{\"couponId\":\"" + farOffId
					+ "\",\"reason\":\"THRESHOLD_NOT_MET\",\"missingAmount\":44998}]");
		// 1000 over 3998 + 1001 + 3 = 5002: exact shares 799.28, 200.12, 0.60 → 799, 200,
		// 1.
		assertThat(quote.body().path("best").toString()).isEqualTo(
				"{\"couponId\":\"" + tenOffId + "\",\"discount\":1000,\"lines\":[{\"skuId\":\"a\",\"discount\":799},"
						+ "{\"skuId\":\"b\",\"discount\":200},{\"skuId\":\"c\",\"discount\":1}]}");
	}

	/** A threshold template, or a fixed-amount one when the threshold is 0. */
	private CouponTemplate thresholdTemplate(long threshold, long discount, boolean refundable) {
		Instant now = Instant.now();
		TemplateType type = (threshold > 0) ? TemplateType.THRESHOLD : TemplateType.FIXED_AMOUNT;
		return activeTemplate(new NewTemplate("checkout IT", type, discount, (threshold > 0) ? threshold : null, null,
				null, 100L, 5, now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
				new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, refundable));
	}

	private String claim(CouponTemplate template, long userId, String requestId) {
		Answer claimed = post("/api/v1/claims", TestTokens.user(userId),
				claimBody(template.id(), requestId + "-" + template.id()));
		assertThat(claimed.status()).isEqualTo(201);
		return claimed.body().path("couponId").asText();
	}

	private Answer lock(String orderId, String couponId, long orderAmount, long userId) {
		return post("/api/v1/orders/" + orderId + "/coupon-lock", SERVICE, "{\"couponId\":\"" + couponId
				+ "\",\"orderAmount\":" + orderAmount + ",\"userId\":\"" + userId + "\"}");
	}

	private Answer order(String orderId, String action, long userId) {
		return post("/api/v1/orders/" + orderId + "/" + action, SERVICE, "{\"userId\":\"" + userId + "\"}");
	}

	// Direct reads and writes of the user's physical tables, bypassing ShardingSphere.

	private String couponStatus(long userId, String couponId) {
		return single(userId, "SELECT status FROM %s WHERE id = ?", "user_coupon", Long.parseLong(couponId));
	}

	private String orderRow(long userId, String orderId) {
		return single(userId, "SELECT status FROM %s WHERE user_id = " + userId + " AND order_id = ?", "coupon_order",
				orderId);
	}

	private List<String> lockedOrders(long userId) {
		ShardLocation location = new ShardRouter(this.sharding.layout()).locateUser(userId);
		List<String> orders = new ArrayList<>();
		try (Connection connection = this.shards.shard(location.database()).getConnection();
				PreparedStatement query = connection.prepareStatement("SELECT order_id FROM "
						+ location.physicalTable("coupon_order") + " WHERE user_id = ? AND status = 'LOCKED'")) {
			query.setLong(1, userId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					orders.add(rows.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return orders;
	}

	private void makeLockOverdue(long userId, String orderId) throws SQLException {
		ShardLocation location = new ShardRouter(this.sharding.layout()).locateUser(userId);
		try (Connection connection = this.shards.shard(location.database()).getConnection();
				PreparedStatement update = connection
					.prepareStatement("UPDATE " + location.physicalTable("coupon_order")
							+ " SET lock_expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE user_id = ? AND order_id = ?")) {
			update.setLong(1, userId);
			update.setString(2, orderId);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	private String single(long userId, String sql, String table, Object key) {
		ShardLocation location = new ShardRouter(this.sharding.layout()).locateUser(userId);
		try (Connection connection = this.shards.shard(location.database()).getConnection();
				PreparedStatement query = connection
					.prepareStatement(String.format(sql, location.physicalTable(table)))) {
			query.setObject(1, key);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? row.getString(1) : null;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
