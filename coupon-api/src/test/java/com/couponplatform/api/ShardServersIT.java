package com.couponplatform.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * A shard database on a server of its own ({@code coupon.db.shard.1.*}, as
 * {@code COUPON_DB_SHARD_1_HOST} / {@code _PORT} set it): the global database and shard 0
 * stay on the environment's server, shard 1 is created, migrated and written on a private
 * MariaDB, and each user's coupon lands on the server of the user's shard only.
 */
@RealServices
class ShardServersIT {

	private static final String PREFIX = TestServices.uniquePrefix();

	private static PrivateMariaDb shardOne;

	private static ConfigurableApplicationContext api;

	private static int port;

	@BeforeAll
	static void startServerAndApplication() throws Exception {
		shardOne = PrivateMariaDb.start(1, false);
		api = SpringApplication.run(CouponApiApplication.class,
				TestServices.installationArguments(PREFIX, "coupon.db.host=" + TestServices.dbHost(),
						"coupon.db.port=" + TestServices.dbPort(), "coupon.db.user=" + TestServices.dbUser(),
						"coupon.db.password=" + TestServices.dbPassword(), "coupon.db.shard.1.host=127.0.0.1",
						"coupon.db.shard.1.port=" + shardOne.port()));
		port = Integer.parseInt(api.getEnvironment().getProperty("local.server.port"));
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
	void eachUsersCouponIsWrittenOnTheServerOfTheirShard() throws Exception {
		ShardRouter router = new ShardRouter(new ShardingLayout(2, 8));
		long onZero = firstUserOf(router, 0);
		long onOne = firstUserOf(router, 1);
		CouponTemplate template = activeTemplate();

		for (long userId : List.of(onZero, onOne)) {
			Answer claimed = new TestHttp(port).call("POST", "/api/v1/claims", "Bearer " + TestTokens.user(userId),
					"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"servers-" + userId + "\"}");
			assertThat(claimed.status()).isEqualTo(201);
			Answer listed = new TestHttp(port).call("GET", "/api/v1/coupons", "Bearer " + TestTokens.user(userId),
					null);
			assertThat(listed.body().path("items")).hasSize(1);
		}

		try (Connection shared = DriverManager.getConnection(TestServices.database(PREFIX).jdbcUrl(""),
				TestServices.dbUser(), TestServices.dbPassword()); Connection own = shardOne.connect()) {
			assertThat(databases(shared)).containsExactlyInAnyOrder(PREFIX + "_global", PREFIX + "_ds_0");
			assertThat(databases(own)).containsExactly(PREFIX + "_ds_1");
			assertThat(coupons(shared, router, onZero, template.id())).isEqualTo(1);
			assertThat(coupons(own, router, onOne, template.id())).isEqualTo(1);
		}
		assertThat(api.getBean(TemplateCatalog.class).getFresh(template.id()).issued()).isEqualTo(2);
	}

	private static long firstUserOf(ShardRouter router, int database) {
		long userId = 1000;
		while (router.locateUser(userId).database() != database) {
			userId++;
		}
		return userId;
	}

	private static List<String> databases(Connection server) throws SQLException {
		try (Statement statement = server.createStatement();
				ResultSet rows = statement.executeQuery("SHOW DATABASES LIKE '" + PREFIX + "\\_%'")) {
			List<String> names = new ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString(1));
			}
			return names;
		}
	}

	private static int coupons(Connection server, ShardRouter router, long userId, long templateId)
			throws SQLException {
		ShardLocation location = router.locateUser(userId);
		try (Statement statement = server.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + PREFIX + "_ds_" + location.database()
						+ "." + location.physicalTable("user_coupon") + " WHERE user_id = " + userId
						+ " AND template_id = " + templateId)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static CouponTemplate activeTemplate() {
		Instant now = Instant.now();
		CouponTemplate draft = api.getBean(CreateTemplate.class)
			.create(new NewTemplate("shard servers IT", TemplateType.FIXED_AMOUNT, 500L, null, null, null, 10L, 1,
					now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
					new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null, true), "it");
		return api.getBean(ChangeTemplateStatus.class).publish(draft.id(), "it");
	}

}
