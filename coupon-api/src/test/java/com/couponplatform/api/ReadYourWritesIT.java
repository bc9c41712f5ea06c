package com.couponplatform.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.couponplatform.sharding.ShardLocation;
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
 * Read-write splitting against a real replica: two private MariaDB servers, the second
 * replicating the first, and coupon-api configured with both. With the replica's applier
 * paused (a lagging replica), a user still sees the coupon they just claimed — their
 * reads go to the primary for the read-your-writes window — while a row written behind
 * the service's back shows only once the replica applies it, which proves the other reads
 * do go to the replica.
 */
@RealServices
class ReadYourWritesIT {

	private static final Duration WINDOW = Duration.ofSeconds(3);

	private static final String PREFIX = TestServices.uniquePrefix();

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
				TestServices.installationArguments(PREFIX, "coupon.db.host=127.0.0.1",
						"coupon.db.port=" + primary.port(), "coupon.db.user=root", "coupon.db.password=",
						"coupon.db.replicas=" + replica.hostAndPort(),
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
	}

	@Test
	void aUserSeesTheirOwnWritesWhileTheReplicaLagsAndOthersReadTheReplica() throws Exception {
		CouponTemplate template = activeTemplate();
		replica.awaitCaughtUp(primary, Duration.ofSeconds(30));
		replica.pauseApplying();

		long claimer = 12345;
		Answer claimed = post("/api/v1/claims", TestTokens.user(claimer),
				"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"ryw-1\"}");
		assertThat(claimed.status()).isEqualTo(201);
		assertThat(coupons(claimer)).as("their own claim, read on the primary").hasSize(1);
		assertThat(get("/api/v1/coupons/" + claimed.body().path("couponId").asText(), claimer).status()).isEqualTo(200);

		long other = 777;
		insertBehindTheServicesBack(other, template.id());
		assertThat(coupons(other)).as("another user's read goes to the lagging replica").isEmpty();

		Thread.sleep(WINDOW.plusMillis(500).toMillis());
		assertThat(coupons(claimer)).as("past the window the claimer too reads the replica").isEmpty();
		Answer replay = post("/api/v1/claims", TestTokens.user(claimer),
				"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"ryw-1\"}");
		assertThat(replay.status()).as("a replay is decided on the primary, whatever the replica says").isEqualTo(200);
		assertThat(replay.body().path("couponId")).isEqualTo(claimed.body().path("couponId"));

		replica.resumeApplying();
		replica.awaitCaughtUp(primary, Duration.ofSeconds(30));
		assertThat(coupons(other)).hasSize(1);
		assertThat(coupons(claimer)).hasSize(1);
	}

	private static CouponTemplate activeTemplate() {
		Instant now = Instant.now();
		CouponTemplate draft = api.getBean(CreateTemplate.class)
			.create(new NewTemplate("replica IT", TemplateType.FIXED_AMOUNT, 500L, null, null, null, 10L, 1,
					now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
					new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, true), "it");
		return api.getBean(ChangeTemplateStatus.class).publish(draft.id(), "it");
	}

	/** A coupon row written on the primary directly: no marker for its user in Redis. */
	private static void insertBehindTheServicesBack(long userId, long templateId) throws Exception {
		ShardLocation location = new ShardRouter(new ShardingLayout(2, 8)).locateUser(userId);
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection connection = primary.connect();
				PreparedStatement insert = connection.prepareStatement("INSERT INTO " + PREFIX + "_ds_"
						+ location.database() + "." + location.physicalTable("user_coupon")
						+ " (id, user_id, template_id, status, type, discount_amount, valid_from, valid_until, "
						+ "claimed_at, origin, origin_ref, updated_at) VALUES (?, ?, ?, 'UNUSED', 'FIXED_AMOUNT', 500, "
						+ "?, ?, ?, 'ISSUANCE', 'ryw-it', ?)")) {
			insert.setLong(1, 1_000_000L + userId);
			insert.setLong(2, userId);
			insert.setLong(3, templateId);
			insert.setTimestamp(4, now);
			insert.setTimestamp(5, Timestamp.from(Instant.now().plus(Duration.ofDays(7))));
			insert.setTimestamp(6, now);
			insert.setTimestamp(7, now);
			assertThat(insert.executeUpdate()).isEqualTo(1);
		}
	}

	private static com.fasterxml.jackson.databind.JsonNode coupons(long userId) {
		Answer list = get("/api/v1/coupons", userId);
		assertThat(list.status()).isEqualTo(200);
		return list.body().path("items");
	}

	private static Answer get(String path, long userId) {
		return new TestHttp(port).call("GET", path, "Bearer " + TestTokens.user(userId), null);
	}

	private static Answer post(String path, String token, String body) {
		return new TestHttp(port).call("POST", path, "Bearer " + token, body);
	}

}
