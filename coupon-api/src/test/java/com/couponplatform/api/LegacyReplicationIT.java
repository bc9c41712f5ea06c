package com.couponplatform.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.couponplatform.migration.Phase;
import com.couponplatform.phasemachine.ReadMigration;
import com.couponplatform.phasemachine.RequestTransition;
import com.couponplatform.redemption.CodeAlphabet;
import com.couponplatform.replication.CopyComparison;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.testsupport.LegacyMall;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DUAL_WRITE through coupon-api with a real worker (relay, RocketMQ, applier) in this
 * JVM: every write path on OLD reaches NEW exactly, although the relay's fault drill
 * delivers each change twice and the second time in reverse order; a relay outage under
 * load leaves every acknowledged write waiting in OLD's outbox, counted, and NEW complete
 * once it is back; a rollback to STATIC_COPIED removes NEW's copy and leaves OLD whole,
 * and a change made before it is dropped after the migration enters DUAL_WRITE again.
 */
@RealServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyReplicationIT {

	/**
	 * A migration of its own: the other legacy tests share one in phase LEGACY, which
	 * this test walks forward.
	 */
	static final String PREFIX = TestServices.prefixDroppedAtExit();

	static final LegacyMall MALL = LegacyMall.create(PREFIX);

	@LocalServerPort
	int port;

	/**
	 * How long the relay stays down under load: the minute by default, shorter
	 * when a developer iterates ({@code -Dit.relay-outage=10s}).
	 */
	private static final Duration OUTAGE = Duration.parse("PT" + System.getProperty("it.relay-outage", "60s"));

	private static final String SERVICE = TestTokens.service();

	/**
	 * The api's and the worker's: short windows, and the relay's fault drill (the
	 * worker's alone).
	 */
	private static final String[] SETTINGS = { "coupon.migration.single-writer-window=1s",
			"coupon.migration.process-lease=2s", "coupon.migration.transition-lease=3s",
			"coupon.migration.replication.redeliver=true" };

	private static ConfigurableApplicationContext worker;

	private static long claimable;

	private static long other;

	private static long checkout;

	/** A user the monolith gave coupons before the migration, and nothing since. */
	private static final long UNTOUCHED = 930_009;

	@Autowired
	RequestTransition requests;

	@Autowired
	ReadMigration reads;

	@Autowired
	ShardDataSources pools;

	@Autowired
	ShardRouter router;

	@Autowired
	MeterRegistry registry;

	@DynamicPropertySource
	static void windows(DynamicPropertyRegistry registry) {
		MigrationDrive.register(registry, PREFIX, MALL.name(), SETTINGS);
	}

	@BeforeAll
	static void mallAndWorker() {
		claimable = MALL.onlineTemplate(10_000, 100);
		other = MALL.onlineTemplate(100, 1);
		// Spend 100.00 save 20.00.
		checkout = MALL.template(2, new BigDecimal("20.00"), new BigDecimal("100.00"), BigDecimal.ZERO, null, 100, 5, 1,
				30);
		for (int i = 0; i < 3; i++) {
			MALL.sql()
				.sql("INSERT INTO t_coupon_code (code, tpl_id, batch_no, state) VALUES (?, ?, 'R1', 0)")
				.params("rep-code-" + i, claimable)
				.update();
		}
		Instant now = Instant.now();
		// The monolith's coupons of users the test writes for, and of one it never does.
		MALL.coupon(930_002, checkout, 0, 1, now.minus(2, ChronoUnit.DAYS), now.plus(20, ChronoUnit.DAYS), null);
		long used = MALL.coupon(930_002, checkout, 2, 2, now.minus(3, ChronoUnit.DAYS), null, "MONO-1");
		MALL.sql()
			.sql("INSERT INTO t_coupon_use_log (uid, user_coupon_id, order_no, action, amount, create_time) "
					+ "VALUES (930002, ?, 'MONO-1', 2, 20.00, NOW())")
			.param(used)
			.update();
		MALL.coupon(UNTOUCHED, claimable, 0, 1, now.minus(1, ChronoUnit.DAYS), null, null);
		worker = MigrationDrive.startWorker(PREFIX, MALL.name(), SETTINGS);
	}

	@AfterAll
	static void stopWorker() {
		if (worker != null) {
			worker.close();
		}
	}

	@Test
	@Order(1)
	void everyWritePathOnOldReachesNewExactlyThoughEachChangeArrivesTwiceAndOutOfOrder() {
		drive().walkTo(Phase.DUAL_WRITE);
		long changesBefore = applied();
		long lastLogBefore = lastUseLog();
		long u1 = 930_001;
		long u2 = 930_002;
		long u3 = 930_003;
		List<Long> coupons = new ArrayList<>();
		// Claims, a replay, a batch claim and a refused one (nothing written, no change).
		coupons.add(created(post("/api/v1/claims", TestTokens.user(u1), claimBody(checkout, "c-1"))));
		coupons.add(created(post("/api/v1/claims", TestTokens.user(u1), claimBody(checkout, "c-2"))));
		assertThat(post("/api/v1/claims", TestTokens.user(u1), claimBody(checkout, "c-1")).status()).isEqualTo(200);
		assertThat(post("/api/v1/claims/batch", TestTokens.user(u1),
				"{\"templateIds\":[\"" + claimable + "\",\"" + other + "\"],\"requestId\":\"b-1\"}")
			.status()).isEqualTo(200);
		assertThat(post("/api/v1/claims", TestTokens.user(u1), claimBody(other, "c-3")).code())
			.isEqualTo("PER_USER_LIMIT");
		// Lock, consume and refund one coupon; lock and release another.
		ok(lock("O-1", coupons.get(0), 15_000, u1));
		ok(order("O-1", "coupon-lock/consume", u1));
		ok(order("O-1", "coupon-refund", u1));
		ok(lock("O-2", coupons.get(1), 15_000, u1));
		ok(order("O-2", "coupon-lock/release", u1));
		// A user NEW has not copied yet: the change migrates them first, monolith rows
		// too.
		long monolithCoupon = MALL.sql()
			.sql("SELECT MIN(id) FROM t_user_coupon WHERE uid = ?")
			.param(u2)
			.query(Long.class)
			.single();
		ok(lock("O-3", monolithCoupon, 15_000, u2));
		// A redemption: the code's state lives in the code's shard.
		assertThat(post("/api/v1/redemptions", TestTokens.user(u3), "{\"code\":\"REP-CODE-1\",\"requestId\":\"r-1\"}")
			.status()).isEqualTo(201);
		// Twelve transactions committed on OLD, the replay's too (the batch's one per
		// template); the refused claim's rolled back with its change.
		long changes = 12;

		drive().awaitDrained();
		assertThat(applied() - changesBefore).as("changes applied, each once").isEqualTo(changes);
		for (long user : List.of(u1, u2, u3)) {
			assertThat(comparison().user(user)).as("user " + user).isEmpty();
		}
		assertThat(newCoupons(u1)).isEqualTo(oldCoupons(u1)).isEqualTo(4);
		assertThat(newCoupons(u2)).isEqualTo(oldCoupons(u2)).isEqualTo(2);
		assertThat(newCoupons(u3)).isEqualTo(oldCoupons(u3)).isEqualTo(1);
		assertThat(newRow(u1, "SELECT CONCAT(origin, ' ', origin_ref) FROM %s WHERE user_id = ? AND id = ?",
				"user_coupon", coupons.get(0)))
			.as("the claim's request ID moved with it")
			.isEqualTo("CLAIM c-1");
		List<Long> logged = MALL.sql()
			.sql("SELECT id FROM t_coupon_use_log WHERE id > ? ORDER BY id")
			.param(lastLogBefore)
			.query(Long.class)
			.list();
		// O-1 lock, use, refund; O-2 lock, release; O-3 lock.
		assertThat(logged).hasSize(6);
		assertThat(comparison().useLogs(logged)).isEmpty();
		assertThat(newUsages()).as("the monolith's use log waits for the backfill").isEqualTo(6);
		assertThat(comparison().codes(List.of("rep-code-1"))).isEmpty();
		assertThat(newCodeUsesLeft(CodeAlphabet.normalise("rep-code-1"))).isZero();
		assertThat(newCopies(UNTOUCHED)).as("a user without a change waits for the backfill").isZero();
		assertThat(outbox()).isZero();
	}

	@Test
	@Order(2)
	void aRelayOutageUnderLoadLeavesEveryAcknowledgedWriteWaitingAndLosesNothing() {
		worker.close();
		worker = null;
		long acknowledged = 0;
		List<Long> users = new ArrayList<>();
		long end = System.nanoTime() + OUTAGE.toNanos();
		int i = 0;
		while (System.nanoTime() < end) {
			long user = 931_000 + (i % 20);
			if (!users.contains(user)) {
				users.add(user);
			}
			Answer claimed = post("/api/v1/claims", TestTokens.user(user), claimBody(claimable, "out-" + i));
			assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
			acknowledged++;
			i++;
			MigrationDrive.sleep(100);
		}
		ReadMigration.Replication waiting = this.reads.read().replication();
		assertThat(waiting.toNew().pending()).isEqualTo(acknowledged);
		assertThat(waiting.toNew().lagMillis()).isGreaterThanOrEqualTo(OUTAGE.toMillis() - 1_000);
		// The metric reads OLD's outbox at most once a second.
		MigrationDrive.sleep(1_100);
		assertThat(this.registry.get("coupon.migration.replication.pending").tag("direction", "toNew").gauge().value())
			.isEqualTo((double) acknowledged);

		worker = MigrationDrive.startWorker(PREFIX, MALL.name(), SETTINGS);
		drive().awaitDrained();
		long copied = 0;
		for (long user : users) {
			assertThat(comparison().user(user)).as("user " + user).isEmpty();
			copied += newCoupons(user);
		}
		assertThat(copied).isEqualTo(acknowledged);
	}

	@Test
	@Order(3)
	void aRollbackRemovesNewsCopyAndAChangeFromBeforeItIsDroppedAfterwards() {
		long oldCoupons = MALL.sql().sql("SELECT COUNT(*) FROM t_user_coupon").query(Long.class).single();
		long oldLog = MALL.sql().sql("SELECT COUNT(*) FROM t_coupon_use_log").query(Long.class).single();
		assertThat(newTotal("user_coupon")).isPositive();
		long dualWriteEpoch = this.reads.read().epoch();

		drive().walkTo(Phase.STATIC_COPIED);
		for (String table : List.of("user_coupon", "legacy_coupon", "coupon_usage", "coupon_order",
				"redemption_request", "migration_user_copy", "code_redemption")) {
			assertThat(newTotal(table)).as(table).isZero();
		}
		assertThat(outbox()).isZero();
		assertThat(MALL.sql().sql("SELECT COUNT(*) FROM t_user_coupon").query(Long.class).single())
			.isEqualTo(oldCoupons);
		assertThat(MALL.sql().sql("SELECT COUNT(*) FROM t_coupon_use_log").query(Long.class).single())
			.isEqualTo(oldLog);

		drive().walkTo(Phase.DUAL_WRITE);
		// A change made under the first DUAL_WRITE, delivered late: dropped, not applied.
		MALL.sql()
			.sql("INSERT INTO t_coupon_migration_outbox (id, uid, epoch, change_type, payload, created_at) "
					+ "VALUES (1, ?, ?, 'USER_ROWS', ?, NOW(3))")
			.params(UNTOUCHED, dualWriteEpoch,
					"{\"id\":1,\"userId\":" + UNTOUCHED + ",\"epoch\":" + dualWriteEpoch
							+ ",\"useLogIds\":[],\"codes\":[],\"madeAt\":0}")
			.update();
		long u1 = 930_001;
		assertThat(post("/api/v1/claims", TestTokens.user(u1), claimBody(claimable, "again-1")).status())
			.isEqualTo(201);
		drive().awaitDrained();
		assertThat(newCopies(UNTOUCHED)).isZero();
		assertThat(comparison().user(u1)).isEmpty();
		assertThat(newCoupons(u1)).isEqualTo(oldCoupons(u1)).isEqualTo(5);
	}

	private Answer post(String path, String token, String body) {
		return MigrationDrive.post(this.port, path, token, body);
	}

	private static String claimBody(long templateId, String requestId) {
		return LegacyApiIntegrationTest.claimBody(templateId, requestId);
	}

	private MigrationDrive drive() {
		return new MigrationDrive(this.requests, this.reads);
	}

	private static long created(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.body().path("couponId").asLong();
	}

	private static void ok(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
	}

	private Answer lock(String orderId, long couponId, long amount, long userId) {
		return post("/api/v1/orders/" + orderId + "/coupon-lock", SERVICE,
				"{\"couponId\":\"" + couponId + "\",\"orderAmount\":" + amount + ",\"userId\":\"" + userId + "\"}");
	}

	private Answer order(String orderId, String action, long userId) {
		return post("/api/v1/orders/" + orderId + "/" + action, SERVICE, "{\"userId\":\"" + userId + "\"}");
	}

	private static CopyComparison comparison() {
		return worker.getBean(CopyComparison.class);
	}

	private static long applied() {
		return (long) worker.getBean(MeterRegistry.class)
			.counter("coupon.migration.replication.applied", "direction", "toNew")
			.count();
	}

	private static long lastUseLog() {
		return MALL.sql().sql("SELECT COALESCE(MAX(id), 0) FROM t_coupon_use_log").query(Long.class).single();
	}

	private static long outbox() {
		return MALL.sql().sql("SELECT COUNT(*) FROM t_coupon_migration_outbox").query(Long.class).single();
	}

	private static long oldCoupons(long userId) {
		return MALL.sql()
			.sql("SELECT COUNT(*) FROM t_user_coupon WHERE uid = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	private long newCoupons(long userId) {
		return Long.parseLong(newRow(userId, "SELECT COUNT(*) FROM %s WHERE user_id = ?", "user_coupon"));
	}

	private long newCopies(long userId) {
		return newCoupons(userId)
				+ Long.parseLong(newRow(userId, "SELECT COUNT(*) FROM %s WHERE user_id = ?", "migration_user_copy"));
	}

	private String newRow(long userId, String query, String table, Object... more) {
		ShardLocation location = this.router.locateUser(userId);
		List<Object> params = new ArrayList<>(List.of(userId));
		params.addAll(List.of(more));
		return shard(location).sql(String.format(query, location.physicalTable(table)))
			.params(params)
			.query(String.class)
			.single();
	}

	private long newUsages() {
		return newTotal("coupon_usage");
	}

	private long newCodeUsesLeft(String code) {
		ShardLocation location = this.router.locate(code);
		return shard(location)
			.sql("SELECT uses_left FROM " + location.physicalTable("redemption_code") + " WHERE code = ?")
			.param(code)
			.query(Long.class)
			.single();
	}

	private long newTotal(String table) {
		long total = 0;
		for (ShardLocation location : this.router.layout().locations()) {
			total += shard(location).sql("SELECT COUNT(*) FROM " + location.physicalTable(table))
				.query(Long.class)
				.single();
		}
		return total;
	}

	private JdbcClient shard(ShardLocation location) {
		return JdbcClient.create(this.pools.shard(location.database()));
	}

}
