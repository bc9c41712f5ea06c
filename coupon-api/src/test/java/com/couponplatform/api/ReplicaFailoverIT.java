package com.couponplatform.api;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingLayout;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.PrivateMariaDb;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shard 1's primary dies right after a user's write while its replica stays up: that
 * user's reads are refused (their replica copy may miss the write) for as long as the
 * primary is down, even past the read-your-writes window; a user of the same shard who
 * wrote earlier reads their wallet from the replica but cannot write; shard 0's users
 * notice nothing; and when the primary is back, the refused user reads their coupon.
 */
@RealServices
class ReplicaFailoverIT {

	private static final Duration WINDOW = Duration.ofSeconds(2);

	private static final String PREFIX = TestServices.uniquePrefix();

	private static final ShardRouter ROUTER = new ShardRouter(new ShardingLayout(2, 8));

	private static PrivateMariaDb primary;

	private static PrivateMariaDb replica;

	private static ConfigurableApplicationContext api;

	private static int port;

	@BeforeAll
	static void startServersAndApplication() throws Exception {
		primary = PrivateMariaDb.start(1, false);
		replica = PrivateMariaDb.start(2, true);
		replica.replicateFrom(primary);
		api = SpringApplication.run(CouponApiApplication.class,
				TestServices.installationArguments(PREFIX, "coupon.db.host=" + TestServices.dbHost(),
						"coupon.db.port=" + TestServices.dbPort(), "coupon.db.user=" + TestServices.dbUser(),
						"coupon.db.password=" + TestServices.dbPassword(), "coupon.db.shard.1.host=127.0.0.1",
						"coupon.db.shard.1.port=" + primary.port(),
						"coupon.db.shard.1.replicas=" + replica.hostAndPort(),
						"coupon.db.read-your-writes-window=" + WINDOW.toSeconds() + "s"));
		port = Integer.parseInt(api.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stop() throws Exception {
		if (api != null) {
			api.close();
		}
		if (replica != null) {
			replica.close();
		}
		if (primary != null) {
			primary.close();
		}
		TestServices.dropDatabases(PREFIX);
	}

	@Test
	void aUserWrittenJustBeforeTheFailureIsRefusedReadsOthersReadTheReplica() throws Exception {
		CouponTemplate template = activeTemplate();
		long earlier = user(1, 8000);
		long justNow = user(1, earlier + 1);
		long elsewhere = user(0, 8000);
		assertThat(claim(earlier, template, "earlier").status()).isEqualTo(201);
		Thread.sleep(WINDOW.plusMillis(500).toMillis());
		replica.awaitCaughtUp(primary, Duration.ofSeconds(30));

		Answer lastWrite = claim(justNow, template, "just-now");
		assertThat(lastWrite.status()).isEqualTo(201);
		primary.kill();
		await(() -> !api.getBean(ShardAvailability.class).isWritable(1), "shard 1's primary circuit opens");

		assertRefused(get("/api/v1/coupons", justNow));
		assertRefused(get("/api/v1/coupons/" + lastWrite.body().path("couponId").asText(), justNow));
		Answer fromReplica = get("/api/v1/coupons", earlier);
		assertThat(fromReplica.status()).as("a user not written recently reads the replica").isEqualTo(200);
		assertThat(fromReplica.body().path("items")).hasSize(1);
		assertRefused(claim(earlier, template, "earlier-2"));
		assertThat(claim(elsewhere, template, "elsewhere").status()).isEqualTo(201);
		assertThat(get("/api/v1/coupons", elsewhere).body().path("items")).hasSize(1);

		Thread.sleep(WINDOW.plusMillis(500).toMillis());
		assertRefused(get("/api/v1/coupons", justNow));
		assertThat(get("/api/v1/coupons", earlier).status()).isEqualTo(200);

		primary.restart();
		await(() -> api.getBean(ShardAvailability.class).isWritable(1), "shard 1's primary circuit closes");
		Answer back = get("/api/v1/coupons", justNow);
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.body().path("items")).hasSize(1);
		assertThat(back.body().path("items").get(0).path("couponId")).isEqualTo(lastWrite.body().path("couponId"));
	}

	private static void assertRefused(Answer answer) {
		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.code()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(answer.retryAfter()).isEqualTo("1");
	}

	private static CouponTemplate activeTemplate() {
		Instant now = Instant.now();
		CouponTemplate draft = api.getBean(CreateTemplate.class)
			.create(new NewTemplate("failover IT", TemplateType.FIXED_AMOUNT, 500L, null, null, null, 100L, 5,
					now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
					new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, true), "it");
		return api.getBean(ChangeTemplateStatus.class).publish(draft.id(), "it");
	}

	private static long user(int database, long from) {
		long userId = from;
		while (ROUTER.locateUser(userId).database() != database) {
			userId++;
		}
		return userId;
	}

	private static Answer claim(long userId, CouponTemplate template, String requestId) {
		return new TestHttp(port).call("POST", "/api/v1/claims", "Bearer " + TestTokens.user(userId),
				"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"" + requestId + "\"}");
	}

	private static Answer get(String path, long userId) {
		return new TestHttp(port).call("GET", path, "Bearer " + TestTokens.user(userId), null);
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within 60 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
