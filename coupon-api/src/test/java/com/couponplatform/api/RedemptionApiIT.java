package com.couponplatform.api;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.issuance.TargetLines;
import com.couponplatform.redemption.CodeBatch;
import com.couponplatform.redemption.CodeShape;
import com.couponplatform.redemption.CreateCodeBatch;
import com.couponplatform.redemption.NewCodeBatch;
import com.couponplatform.redemption.ReadCodeBatch;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.statistic.TemplateStatistic;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code redemption over HTTP on the real shards, Redis and broker: one use taken once
 * under any concurrency, replays, one refusal for every kind of bad code, the throttle,
 * and a crash between the code's shard and the user's.
 */
class RedemptionApiIT extends ApiIntegrationTest {

	private static final SecureRandom random = new SecureRandom();

	@Autowired
	CreateCodeBatch createBatch;

	@Autowired
	ReadCodeBatch readBatch;

	@Autowired
	TemplateCatalog catalog;

	@Test
	void exactlyOneOfFiveHundredConcurrentRedemptionsOfASingleUseCodeWins() throws Exception {
		CouponTemplate template = activeTemplate(1_000, 1);
		String code = "RACE" + randomSuffix();
		CodeBatch batch = importCodes(template.id(), 1, null, List.of(code));
		int users = 500;
		ExecutorService pool = Executors.newFixedThreadPool(100);
		CountDownLatch start = new CountDownLatch(1);
		Map<Long, Answer> answers = new ConcurrentHashMap<>();
		List<Future<?>> calls = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			long userId = 6_100_000L + i;
			// Each user from an address of its own, so only the code decides.
			TestHttp client = new TestHttp(this.port).withHeader("X-Forwarded-For", address(i));
			calls.add(pool.submit(() -> {
				start.await();
				answers.put(userId, client.call("POST", "/api/v1/redemptions", "Bearer " + TestTokens.user(userId),
						redemptionBody(code, "race-" + userId)));
				return null;
			}));
		}
		start.countDown();
		for (Future<?> call : calls) {
			call.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();

		Map<Integer, Integer> statuses = new TreeMap<>();
		answers.values().forEach((answer) -> statuses.merge(answer.status(), 1, Integer::sum));
		assertThat(statuses).isEqualTo(Map.of(201, 1, 422, 499));
		assertThat(answers.values()).filteredOn((answer) -> answer.status() == 422)
			.allSatisfy((answer) -> assertThat(answer.code()).isEqualTo("CODE_NOT_REDEEMABLE"));
		long winner = answers.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().status() == 201)
			.findFirst()
			.orElseThrow()
			.getKey();

		assertThat(couponRows(template.id())).isEqualTo(1);
		assertThat(usesLeft(code)).isZero();
		assertThat(codeTableCount(code, "code_redemption", "code")).isEqualTo(1);
		// Every request that reached storage bound its request ID to the code, refused
		// ones too.
		assertThat(requestBindings(code)).isEqualTo(users);
		assertThat(this.catalog.getFresh(template.id()).issued()).as("reserved by the batch").isEqualTo(1);
		assertThat(answers.get(winner).body().path("userId").asLong()).isEqualTo(winner);

		CodeBatch counted = awaitRedeemed(batch.id(), 1);
		assertThat(counted.remaining()).isZero();
		awaitStatistics(template.id(), new TemplateStatistic(template.id(), 1, 1, 0, 0, 0, 0, null));
	}

	@Test
	void replaysTheSameCouponForTheSameRequestIdAndRefusesAnotherRequestIdOrAnotherCode() throws Exception {
		CouponTemplate template = activeTemplate(100, 1);
		String first = "RPT" + randomSuffix();
		String second = "RPT" + randomSuffix();
		importCodes(template.id(), 5, null, List.of(first, second));
		String user = TestTokens.user(6_200_001);

		Answer redeemed = post("/api/v1/redemptions", user, redemptionBody(first, "r-1"));
		assertThat(redeemed.status()).isEqualTo(201);
		assertThat(redeemed.location()).isEqualTo("/api/v1/coupons/" + redeemed.body().path("couponId").asText());
		assertThat(redeemed.body().path("templateId").asText()).isEqualTo(Long.toString(template.id()));
		assertThat(redeemed.body().path("status").asText()).isEqualTo("UNUSED");

		Answer replay = post("/api/v1/redemptions", user, redemptionBody(first, "r-1"));
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body()).isEqualTo(redeemed.body());
		// Typed as a person would: lower case, dashes, an O for a zero.
		Answer typed = post("/api/v1/redemptions", user,
				redemptionBody(first.toLowerCase().replace("0", "o").replaceAll("(.{4})", "$1-"), "r-1"));
		assertThat(typed.status()).isEqualTo(200);
		assertThat(typed.body()).isEqualTo(redeemed.body());

		Answer again = post("/api/v1/redemptions", user, redemptionBody(first, "r-2"));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.code()).isEqualTo("CODE_NOT_REDEEMABLE");
		Answer reused = post("/api/v1/redemptions", user, redemptionBody(second, "r-1"));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		// A refused request's ID stays bound to its code as well.
		Answer reusedRefused = post("/api/v1/redemptions", user, redemptionBody(second, "r-2"));
		assertThat(reusedRefused.status()).isEqualTo(422);
		assertThat(reusedRefused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

		// The code has 5 uses: another user redeems it too.
		Answer other = post("/api/v1/redemptions", TestTokens.user(6_200_002), redemptionBody(first, "r-1"));
		assertThat(other.status()).isEqualTo(201);
		assertThat(other.body().path("couponId").asText()).isNotEqualTo(redeemed.body().path("couponId").asText());

		assertThat(couponRows(template.id())).isEqualTo(2);
		assertThat(usesLeft(first)).isEqualTo(3);
		assertThat(usesLeft(second)).isEqualTo(5);
		assertThat(get("/api/v1/coupons/" + redeemed.body().path("couponId").asText(), user).body())
			.isEqualTo(redeemed.body());
	}

	@Test
	void answersUnknownUsedExpiredEarlyAndMistypedCodesAlikeAndThrottlesTheGuesser() throws Exception {
		CouponTemplate template = activeTemplate(100, 1);
		Instant now = Instant.now();
		String used = "USED" + randomSuffix();
		String expired = "XPRD" + randomSuffix();
		String early = "NYET" + randomSuffix();
		importCodes(template.id(), 1, null, List.of(used));
		CodeBatch expiring = this.createBatch.importCodes(
				new NewCodeBatch(template.id(), 0, null, null, null, 1, null, now.plusSeconds(2)),
				TargetLines.of(List.of(expired)), "it");
		this.createBatch.importCodes(
				new NewCodeBatch(template.id(), 0, null, null, null, 1, now.plusSeconds(3600), now.plusSeconds(7200)),
				TargetLines.of(List.of(early)), "it");
		// A generated batch's shape: its codes must carry a good check character.
		CodeShape shape = this.createBatch
			.generate(new NewCodeBatch(template.id(), 10, 10, "CK" + randomSuffix().substring(0, 4), true, 1, null,
					now.plusSeconds(3600)), "it")
			.shape();
		String good = shape.draw(random);
		String mistyped = good.substring(0, good.length() - 1) + ((good.charAt(good.length() - 1) == '0') ? '1' : '0');
		assertThat(post("/api/v1/redemptions", TestTokens.user(6_300_000), redemptionBody(used, "u-1")).status())
			.isEqualTo(201);
		while (Instant.now().isBefore(expiring.validUntil())) {
			Thread.sleep(100);
		}

		TestHttp guesser = new TestHttp(this.port).withHeader("X-Forwarded-For", "203.0.113.7");
		String token = "Bearer " + TestTokens.user(6_300_001);
		List<String> bad = List.of(used, expired, early, mistyped, good, "NSCH" + randomSuffix(), "###",
				"A".repeat(300));
		List<Answer> refusals = new ArrayList<>();
		for (int i = 0; i < bad.size(); i++) {
			refusals.add(guesser.call("POST", "/api/v1/redemptions", token, redemptionBody(bad.get(i), "g-" + i)));
		}
		assertThat(refusals).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.body()).as("one answer for every bad code").isEqualTo(refusals.get(0).body());
		});
		assertThat(refusals.get(0).code()).isEqualTo("CODE_NOT_REDEEMABLE");

		// Ten failures per user (the default): the next two are not looked at.
		for (int i = bad.size(); i < 10; i++) {
			assertThat(guesser.call("POST", "/api/v1/redemptions", token, redemptionBody(guess(), "g-" + i)).status())
				.isEqualTo(422);
		}
		Answer throttled = guesser.call("POST", "/api/v1/redemptions", token, redemptionBody(guess(), "g-10"));
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.code()).isEqualTo("RATE_LIMITED");
		assertThat(Long.parseLong(throttled.retryAfter())).isBetween(1L, 900L);
		String fresh = "FRESH" + randomSuffix();
		importCodes(template.id(), 1, null, List.of(fresh));
		assertThat(guesser.call("POST", "/api/v1/redemptions", token, redemptionBody(fresh, "g-11")).status())
			.as("a throttled user cannot redeem even a good code")
			.isEqualTo(429);
		assertThat(usesLeft(fresh)).isEqualTo(1);

		// Thirty failures per address (the default): other users from that address are
		// turned away, a user from elsewhere is not.
		for (int i = 0; i < 20; i++) {
			long userId = 6_300_100L + i;
			assertThat(guesser
				.call("POST", "/api/v1/redemptions", "Bearer " + TestTokens.user(userId),
						redemptionBody(guess(), "a-" + i))
				.status()).isEqualTo(422);
		}
		Answer sameAddress = guesser.call("POST", "/api/v1/redemptions", "Bearer " + TestTokens.user(6_300_200L),
				redemptionBody(fresh, "a-x"));
		assertThat(sameAddress.status()).isEqualTo(429);
		Answer elsewhere = new TestHttp(this.port).withHeader("X-Forwarded-For", "203.0.113.8")
			.call("POST", "/api/v1/redemptions", "Bearer " + TestTokens.user(6_300_200L), redemptionBody(fresh, "a-x"));
		assertThat(elsewhere.status()).isEqualTo(201);
		assertThat(couponRows(template.id())).isEqualTo(2);
	}

	@Test
	void aCrashBetweenTheCodesShardAndTheUsersLosesNothing() throws Exception {
		CouponTemplate template = activeTemplate(100, 1);
		String code = "CRASH" + randomSuffix();
		CodeBatch batch = importCodes(template.id(), 1, null, List.of(code));
		long userId = 6_400_001;
		String token = TestTokens.user(userId);

		// The use commits, then the process "dies" before the coupon is written.
		Answer broken = post("/api/v1/redemptions", token, redemptionBody(code, "boom-1"));
		assertThat(broken.status()).isEqualTo(500);
		assertThat(usesLeft(code)).isZero();

		// The use's RedemptionAccepted event travels outbox -> relay -> broker ->
		// consumer, which writes the coupon.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (couponRows(template.id()) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(couponRows(template.id())).isEqualTo(1);
		Answer replay = post("/api/v1/redemptions", token, redemptionBody(code, "boom-1"));
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body().path("userId").asLong()).isEqualTo(userId);
		assertThat(get("/api/v1/coupons?limit=100", token).body().path("items")).hasSize(1);
		assertThat(awaitRedeemed(batch.id(), 1).remaining()).isZero();
		awaitStatistics(template.id(), new TemplateStatistic(template.id(), 1, 1, 0, 0, 0, 0, null));
	}

	@Test
	void refusesAnonymousCallsMalformedRequestsAndActingForAnotherUser() throws Exception {
		CouponTemplate template = activeTemplate(10, 1);
		String code = "AUTH" + randomSuffix();
		importCodes(template.id(), 1, null, List.of(code));

		Answer anonymous = post("/api/v1/redemptions", null, redemptionBody(code, "x-1"));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
		String token = TestTokens.user(6_500_001);
		Answer noCode = post("/api/v1/redemptions", token, "{\"requestId\":\"x-2\"}");
		assertThat(noCode.status()).isEqualTo(400);
		assertThat(noCode.body().path("errors").get(0).path("field").asText()).isEqualTo("code");
		Answer badRequestId = post("/api/v1/redemptions", token, redemptionBody(code, "not valid!"));
		assertThat(badRequestId.status()).isEqualTo(400);
		assertThat(badRequestId.body().path("errors").get(0).path("field").asText()).isEqualTo("requestId");
		assertThat(post("/api/v1/redemptions", token, "{\"code\":").status()).isEqualTo(400);
		Answer forAnother = post("/api/v1/redemptions", token,
				"{\"code\":\"" + code + "\",\"requestId\":\"x-3\",\"userId\":\"6500002\"}");
		assertThat(forAnother.status()).isEqualTo(403);
		assertThat(forAnother.code()).isEqualTo("FORBIDDEN");

		assertThat(usesLeft(code)).isEqualTo(1);
		assertThat(couponRows(template.id())).isZero();
	}

	private CodeBatch importCodes(long templateId, int uses, Instant validFrom, List<String> codes) {
		return this.createBatch.importCodes(new NewCodeBatch(templateId, 0, null, null, null, uses, validFrom,
				Instant.now().plus(Duration.ofDays(1))), TargetLines.of(codes), "it");
	}

	private CodeBatch awaitRedeemed(long batchId, long redeemed) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		CodeBatch batch = this.readBatch.read(batchId);
		while (batch.redeemed() < redeemed && System.nanoTime() < deadline) {
			Thread.sleep(200);
			batch = this.readBatch.read(batchId);
		}
		assertThat(batch.redeemed()).isEqualTo(redeemed);
		return batch;
	}

	private static String redemptionBody(String code, String requestId) {
		return "{\"code\":\"" + code + "\",\"requestId\":\"" + requestId + "\"}";
	}

	/** Twelve random symbols, so that codes of one run never meet another's. */
	private static String randomSuffix() {
		return new CodeShape("", 12, false).draw(random);
	}

	private static String guess() {
		return new CodeShape("", 12, true).draw(random);
	}

	private static String address(int i) {
		// 198.18.0.0/15, the benchmarking range: not a proxy address Tomcat would skip.
		return "198.18." + (i / 256) + "." + (i % 256);
	}

	private int usesLeft(String code) throws SQLException {
		ShardLocation location = new ShardRouter(this.sharding.layout()).locate(code);
		try (Connection connection = this.shards.shard(location.database()).getConnection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT uses_left FROM " + location.physicalTable("redemption_code") + " WHERE code = ?")) {
			query.setString(1, code);
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).as("code " + code + " is stored").isTrue();
				return row.getInt(1);
			}
		}
	}

	private long codeTableCount(String code, String table, String column) throws SQLException {
		ShardLocation location = new ShardRouter(this.sharding.layout()).locate(code);
		try (Connection connection = this.shards.shard(location.database()).getConnection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT COUNT(*) FROM " + location.physicalTable(table) + " WHERE " + column + " = ?")) {
			query.setString(1, code);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/** Request IDs bound to the code, in every user shard table. */
	private long requestBindings(String code) {
		return tables().sumOf("redemption_request", "SELECT COUNT(*) FROM %s WHERE code = ?", code);
	}

}
