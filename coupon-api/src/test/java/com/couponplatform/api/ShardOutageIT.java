package com.couponplatform.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.couponplatform.checkout.CouponExpirer;
import com.couponplatform.checkout.StaleLockSweeper;
import com.couponplatform.issuance.TargetLines;
import com.couponplatform.redemption.CodeAlphabet;
import com.couponplatform.redemption.CreateCodeBatch;
import com.couponplatform.redemption.NewCodeBatch;
import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingLayout;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.PrivateMariaDb;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One shard's server goes down under load — killed (SIGKILL), then frozen (SIGSTOP) — and
 * only its users notice: the global database and shard 0 stay on the environment's
 * server, shard 1 runs on a private MariaDB. Every user, of both shards, keeps calling
 * claim, wallet, quote, lock and release, and redemption throughout. Shard 0's users are
 * served every time; every call of shard 1's users is answered 503 with
 * {@code Retry-After}; once its circuit is open, none of them even waits on its pool; and
 * when the server is back, everyone is served again without a restart. At the end the
 * guarded counter equals the coupon rows on both servers and every coupon a claim
 * acknowledged exists.
 */
@RealServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardOutageIT {

	private static final String PREFIX = TestServices.uniquePrefix();

	private static final ShardRouter ROUTER = new ShardRouter(new ShardingLayout(2, 8));

	private static final int USERS_PER_SHARD = 3;

	private static final int ROUNDS = 4;

	private static final String SERVICE = TestTokens.service();

	private static final String CART = "{\"items\":[{\"skuId\":\"sku-1\",\"categoryId\":\"cat-1\",\"unitPrice\":2000,"
			+ "\"quantity\":1}]}";

	private static PrivateMariaDb shardOne;

	private static ConfigurableApplicationContext api;

	private static int port;

	private static CouponTemplate template;

	private static final List<Long> onZero = users(0);

	private static final List<Long> onOne = users(1);

	/** Coupons whose claim was answered 201, by ID. */
	private static final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	/** Single-use codes stored on shard 0, handed out one per redemption. */
	private static final List<String> codes = new ArrayList<>();

	private static final AtomicInteger nextCode = new AtomicInteger();

	private static final AtomicInteger sequence = new AtomicInteger();

	@BeforeAll
	static void startServerAndApplication() throws Exception {
		shardOne = PrivateMariaDb.start(1, false);
		api = SpringApplication.run(CouponApiApplication.class,
				TestServices.installationArguments(PREFIX, "coupon.db.host=" + TestServices.dbHost(),
						"coupon.db.port=" + TestServices.dbPort(), "coupon.db.user=" + TestServices.dbUser(),
						"coupon.db.password=" + TestServices.dbPassword(), "coupon.db.shard.1.host=127.0.0.1",
						"coupon.db.shard.1.port=" + shardOne.port(), "coupon.claim.pending-timeout=0s",
						"coupon.claim.quiet-period=0s"));
		port = Integer.parseInt(api.getEnvironment().getProperty("local.server.port"));
		Instant now = Instant.now();
		CouponTemplate draft = api.getBean(CreateTemplate.class)
			.create(new NewTemplate("shard outage IT", TemplateType.FIXED_AMOUNT, 500L, null, null, null, 10_000L, 100,
					now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
					new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, true), "it");
		template = api.getBean(ChangeTemplateStatus.class).publish(draft.id(), "it");
		CouponTemplate codeDraft = api.getBean(CreateTemplate.class)
			.create(new NewTemplate("shard outage IT codes", TemplateType.FIXED_AMOUNT, 300L, null, null, null, 1_000L,
					100, now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
					new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, true), "it");
		long codeTemplate = api.getBean(ChangeTemplateStatus.class).publish(codeDraft.id(), "it").id();
		for (int i = 0; codes.size() < 400; i++) {
			String code = "TSTK" + base32(i);
			if (ROUTER.locate(code).database() == 0) {
				codes.add(code);
			}
		}
		api.getBean(CreateCodeBatch.class)
			.importCodes(new NewCodeBatch(codeTemplate, 0, null, null, null, 1, null, now.plus(Duration.ofDays(1))),
					TargetLines.of(codes), "it");
	}

	@AfterAll
	static void stop() throws Exception {
		if (api != null) {
			api.close();
		}
		if (shardOne != null) {
			shardOne.close();
		}
		TestServices.dropDatabases(PREFIX);
	}

	@Test
	@Order(1)
	void everyUserIsServedWhileBothShardsAnswer() throws Exception {
		Outcome outcome = load(ROUNDS);
		outcome.assertAllServed(onZero);
		outcome.assertAllServed(onOne);
	}

	@Test
	@Order(2)
	void aKilledShardRefusesOnlyItsOwnUsersAndResumesWhenItIsBack() throws Exception {
		shardOne.kill();
		Outcome outage = load(ROUNDS);
		outage.assertAllServed(onZero);
		outage.assertAllRefused(onOne);
		assertOpenCircuitKeepsRequestsOffThePool();
		assertJobsAndRelayGoOnForShardZero();

		shardOne.restart();
		await(() -> availability().isWritable(1), "shard 1's circuit closes after the restart");
		Outcome recovered = load(ROUNDS);
		recovered.assertAllServed(onZero);
		recovered.assertAllServed(onOne);
	}

	@Test
	@Order(3)
	void aFrozenShardRefusesOnlyItsOwnUsersAndResumesWhenItThaws() throws Exception {
		shardOne.freeze();
		try {
			Outcome outage = load(ROUNDS);
			outage.assertAllServed(onZero);
			outage.assertAllRefused(onOne);
			assertOpenCircuitKeepsRequestsOffThePool();
		}
		finally {
			shardOne.thaw();
		}
		await(() -> availability().isWritable(1), "shard 1's circuit closes once it answers again");
		Outcome recovered = load(ROUNDS);
		recovered.assertAllServed(onZero);
		recovered.assertAllServed(onOne);
	}

	@Test
	@Order(4)
	void theCounterEqualsTheRowsAndNoAcknowledgedCouponIsLost() throws Exception {
		long rows = 0;
		Set<String> stored = new HashSet<>();
		try (Connection shared = DriverManager.getConnection(TestServices.database(PREFIX).jdbcUrl(""),
				TestServices.dbUser(), TestServices.dbPassword()); Connection own = shardOne.connect()) {
			rows += coupons(shared, 0, stored);
			rows += coupons(own, 1, stored);
		}
		long issued = api.getBean(TemplateCatalog.class).getFresh(template.id()).issued();
		assertThat(issued).as("issued == rows: every refused claim gave its stock back").isEqualTo(rows);
		assertThat(stored).containsAll(acknowledged);
		// Three loads served every user: each of their rounds' claims was acknowledged.
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3 * ROUNDS * 2 * USERS_PER_SHARD);
		assertThat(meters().find("hikaricp.connections.timeout").tag("pool", "ds_0").counter().count())
			.as("no request of shard 0 timed out waiting for a connection")
			.isZero();
	}

	/**
	 * With the circuit open, a burst of shard 1's calls takes no connection from its pool
	 * (the acquisition timer does not move) and each is counted as refused.
	 */
	private static void assertOpenCircuitKeepsRequestsOffThePool() throws Exception {
		await(() -> !availability().isWritable(1), "shard 1's circuit opens");
		long acquired = meters().find("hikaricp.connections.acquire").tag("pool", "ds_1").timer().count();
		double refused = meters().find("coupon.shard.refused").tag("database", "ds_1").functionCounter().count();
		Outcome burst = load(1, onOne);
		burst.assertAllRefused(onOne);
		assertThat(meters().find("hikaricp.connections.acquire").tag("pool", "ds_1").timer().count())
			.isEqualTo(acquired);
		assertThat(meters().find("coupon.shard.refused").tag("database", "ds_1").functionCounter().count())
			.isGreaterThan(refused);
	}

	/**
	 * The jobs walk shard 0 and leave shard 1, and shard 0's outbox keeps draining.
	 */
	private static void assertJobsAndRelayGoOnForShardZero() throws Exception {
		api.getBean(CouponExpirer.class).expire();
		api.getBean(StaleLockSweeper.class).sweep();
		await(() -> outboxOfShardZero() == 0, "shard 0's outbox is relayed while shard 1 is down");
	}

	private static long outboxOfShardZero() {
		try (Connection shared = DriverManager.getConnection(TestServices.database(PREFIX).jdbcUrl(""),
				TestServices.dbUser(), TestServices.dbPassword());
				Statement statement = shared.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + PREFIX + "_ds_0.outbox_event")) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Outcome load(int rounds) throws Exception {
		List<Long> everyone = new ArrayList<>(onZero);
		everyone.addAll(onOne);
		return load(rounds, everyone);
	}

	/** Every user runs the rounds at once, each round the whole day of a shopper. */
	private static Outcome load(int rounds, List<Long> users) throws Exception {
		Outcome outcome = new Outcome();
		ExecutorService pool = Executors.newFixedThreadPool(users.size());
		try {
			List<Future<?>> running = new ArrayList<>();
			for (long userId : users) {
				running.add(pool.submit(() -> {
					for (int round = 0; round < rounds; round++) {
						shop(userId, outcome);
					}
					return null;
				}));
			}
			for (Future<?> user : running) {
				user.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return outcome;
	}

	private static void shop(long userId, Outcome outcome) {
		TestHttp http = new TestHttp(port);
		String user = "Bearer " + TestTokens.user(userId);
		int n = sequence.incrementAndGet();
		Answer claimed = http.call("POST", "/api/v1/claims", user,
				"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"outage-" + n + "\"}");
		outcome.add(userId, "claim", claimed);
		String couponId = (claimed.status() == 201) ? claimed.body().path("couponId").asText() : "1";
		if (claimed.status() == 201) {
			acknowledged.add(couponId);
		}
		outcome.add(userId, "wallet", http.call("GET", "/api/v1/coupons", user, null));
		outcome.add(userId, "quote", http.call("POST", "/api/v1/checkout/quote", user, CART));
		String order = "/api/v1/orders/outage-order-" + n;
		outcome.add(userId, "lock", http.call("POST", order + "/coupon-lock", "Bearer " + SERVICE,
				"{\"couponId\":\"" + couponId + "\",\"orderAmount\":2000,\"userId\":\"" + userId + "\"}"));
		outcome.add(userId, "release", http.call("POST", order + "/coupon-lock/release", "Bearer " + SERVICE,
				"{\"userId\":\"" + userId + "\"}"));
		String code = codes.get(nextCode.getAndIncrement());
		outcome.add(userId, "redeem", http.call("POST", "/api/v1/redemptions", user,
				"{\"code\":\"" + code + "\",\"requestId\":\"outage-" + n + "\"}"));
	}

	/** Each call's answer, by user. */
	private static final class Outcome {

		private final Map<Long, List<String>> answers = new ConcurrentHashMap<>();

		void add(long userId, String call, Answer answer) {
			this.answers.computeIfAbsent(userId, (id) -> Collections.synchronizedList(new ArrayList<>()))
				.add(call + " " + answer.status() + " " + answer.code() + " retry-after=" + answer.retryAfter());
		}

		void assertAllServed(List<Long> users) {
			for (long userId : users) {
				assertThat(this.answers.get(userId)).as("user %d of shard %d", userId, shard(userId))
					.hasSize(callsOf(userId))
					.allSatisfy((answer) -> assertThat(answer).matches("\\w+ 20[01] .*"));
			}
		}

		void assertAllRefused(List<Long> users) {
			for (long userId : users) {
				assertThat(this.answers.get(userId)).as("user %d of shard %d", userId, shard(userId))
					.hasSize(callsOf(userId))
					.allSatisfy((answer) -> assertThat(answer).matches("\\w+ 503 SERVICE_UNAVAILABLE retry-after=1"));
			}
		}

		private int callsOf(long userId) {
			return this.answers.get(userId).size();
		}

	}

	private static long coupons(Connection server, int database, Set<String> ids) throws SQLException {
		long count = 0;
		for (int table = 0; table < 8; table++) {
			try (Statement statement = server.createStatement();
					ResultSet rows = statement.executeQuery("SELECT id FROM " + PREFIX + "_ds_" + database
							+ ".user_coupon_" + table + " WHERE template_id = " + template.id())) {
				while (rows.next()) {
					ids.add(rows.getString(1));
					count++;
				}
			}
		}
		return count;
	}

	private static String base32(int value) {
		StringBuilder digits = new StringBuilder();
		for (int rest = value; digits.length() < 4; rest /= 32) {
			digits.append(CodeAlphabet.SYMBOLS.charAt(rest % 32));
		}
		return digits.toString();
	}

	private static List<Long> users(int database) {
		List<Long> users = new ArrayList<>();
		for (long userId = 5000; users.size() < USERS_PER_SHARD; userId++) {
			if (ROUTER.locateUser(userId).database() == database) {
				users.add(userId);
			}
		}
		return users;
	}

	private static int shard(long userId) {
		return ROUTER.locateUser(userId).database();
	}

	private static ShardAvailability availability() {
		return api.getBean(ShardAvailability.class);
	}

	private static MeterRegistry meters() {
		return api.getBean(MeterRegistry.class);
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within 60 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
