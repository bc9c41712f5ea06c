package com.couponplatform.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.couponplatform.redis.RedisProperties;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardingProperties;
import com.couponplatform.statistic.ReadTemplateStatistic;
import com.couponplatform.statistic.TemplateStatistic;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.CouponTables;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of coupon-api's integration tests: the real application on a random port over the
 * real MariaDB shards, Redis and RocketMQ broker of the environment, in databases of this
 * JVM's own prefix.
 */
@RealServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FaultInjection.class)
abstract class ApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	CreateTemplate createTemplate;

	@Autowired
	ChangeTemplateStatus changeStatus;

	@Autowired
	ShardDataSources shards;

	@Autowired
	ShardingProperties sharding;

	@Autowired
	RedissonClient redis;

	@Autowired
	RedisProperties redisProperties;

	@Autowired
	ReadTemplateStatistic statistics;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		register(registry, TestServices.jvmPrefix());
	}

	/**
	 * The properties of an api test context whose databases and keys carry a prefix.
	 * @param registry the context's properties
	 * @param prefix the prefix
	 */
	static void register(DynamicPropertyRegistry registry, String prefix) {
		TestServices.springProperties(prefix).forEach((key, value) -> registry.add(key, () -> value));
		registry.add("coupon.jwt.secret", () -> TestTokens.SECRET);
		// Tests reconcile when they mean to, never on a timer in the middle of a count.
		registry.add("coupon.claim.reconcile-interval", () -> "0s");
		// ... and may treat a claim as dead, and the counter as still, at once.
		registry.add("coupon.claim.pending-timeout", () -> "0s");
		registry.add("coupon.claim.quiet-period", () -> "0s");
		// Checkout's jobs too run when a test calls them.
		registry.add("coupon.checkout.lock-sweep-interval", () -> "0s");
		registry.add("coupon.checkout.expiry-interval", () -> "0s");
		// A new batch's check-character shape is seen at once.
		registry.add("coupon.code-batches.shapes-refresh", () -> "0s");
		// The tests stand in for a trusted proxy on loopback: X-Forwarded-For gives the
		// client address the redemption throttle counts.
		registry.add("server.forward-headers-strategy", () -> "native");
	}

	/** Publishes a template from a full request. */
	CouponTemplate activeTemplate(NewTemplate request) {
		return this.changeStatus.publish(this.createTemplate.create(request, "it").id(), "it");
	}

	CouponTemplate activeTemplate(long stock, int perUserLimit) {
		Instant now = Instant.now();
		NewTemplate request = new NewTemplate("IT " + stock, TemplateType.FIXED_AMOUNT, 500L, null, null, null, stock,
				perUserLimit, now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
				new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, true);
		CouponTemplate draft = this.createTemplate.create(request, "it");
		return this.changeStatus.publish(draft.id(), "it");
	}

	CouponTemplate draftTemplate() {
		Instant now = Instant.now();
		return this.createTemplate.create(new NewTemplate("IT draft", TemplateType.FIXED_AMOUNT, 500L, null, null, null,
				10L, 1, now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
				new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, true), "it");
	}

	Answer post(String path, String token, String body) {
		return new TestHttp(this.port).call("POST", path, bearer(token), body);
	}

	Answer get(String path, String token) {
		return new TestHttp(this.port).call("GET", path, bearer(token), null);
	}

	private static String bearer(String token) {
		return (token != null) ? "Bearer " + token : null;
	}

	String claimBody(long templateId, String requestId) {
		return "{\"templateId\":\"" + templateId + "\",\"requestId\":\"" + requestId + "\"}";
	}

	/** The claim gate's remaining stock in Redis, or {@code null} when it holds none. */
	Long redisRemaining(long templateId) {
		Object remaining = this.redis.getMap(claimKeys(templateId) + "stock", StringCodec.INSTANCE).get("remaining");
		return (remaining != null) ? Long.valueOf(remaining.toString()) : null;
	}

	/** Everything the claim gate keeps in Redis for a template, as a lost Redis would. */
	void forgetClaimGate(long templateId) {
		this.redis.getKeys().deleteByPattern(claimKeys(templateId) + "*");
	}

	private String claimKeys(long templateId) {
		return this.redisProperties.getKeyPrefix() + "claim:{" + templateId + "}:";
	}

	/**
	 * The most coupons of one template any user holds, bypassing ShardingSphere (a user's
	 * coupons all live in one physical table).
	 */
	int mostCouponsOfOneUser(long templateId) {
		return (int) tables().mostCouponsOfOneUser(templateId);
	}

	/**
	 * A template's coupons by stored status, counted in every physical table, bypassing
	 * ShardingSphere.
	 */
	Map<String, Integer> rowsByStatus(long templateId) {
		Map<String, Integer> counts = new TreeMap<>();
		tables().forEach("SELECT status, COUNT(*) FROM %s WHERE template_id = ? GROUP BY status", templateId,
				(database, table, row) -> counts.merge(row.getString(1), row.getInt(2), Integer::sum));
		return counts;
	}

	/**
	 * Waits (60 s at most) until the template's counters, kept from events, equal the
	 * expected ones, then asserts them.
	 */
	void awaitStatistics(long templateId, TemplateStatistic expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		TemplateStatistic seen = this.statistics.read(templateId);
		while (!seen.withoutTime().equals(expected.withoutTime()) && System.nanoTime() < deadline) {
			Thread.sleep(200);
			seen = this.statistics.read(templateId);
		}
		assertThat(seen.withoutTime()).isEqualTo(expected.withoutTime());
	}

	/**
	 * Counts a template's coupons in every physical table of every shard, bypassing
	 * ShardingSphere.
	 */
	int couponRows(long templateId) {
		return (int) tables().sum("SELECT COUNT(*) FROM %s WHERE template_id = ?", templateId);
	}

	CouponTables tables() {
		return new CouponTables(this.shards, this.sharding.getTables());
	}

}
