package com.couponplatform.admin;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;

/**
 * Base of coupon-admin's integration tests: the real application on a random port over
 * the real services of the environment, with one back-office user per role.
 */
@RealServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coupon.admin.password=admin-it-password", "coupon.admin.users[0].name=viewer",
				"coupon.admin.users[0].password={noop}viewer-it-password", "coupon.admin.users[0].roles=VIEWER",
				"coupon.admin.users[1].name=operator", "coupon.admin.users[1].password={noop}operator-it-password",
				"coupon.admin.users[1].roles=OPERATOR",
				// Every issuance message is sent twice: the exact counts of every
				// issuance
				// test must hold under duplicate delivery.
				"coupon.issuance.send-twice=true",
				// Code batches end as soon as their window closes.
				"coupon.code-batches.end-grace=0s" })
// One context for every test of the module: a second one would consume the same topics
// and
// split a test's messages, and its meters, between the two.
@AutoConfigureObservability(tracing = false)
@Import(SwitchableFreeze.class)
abstract class AdminIntegrationTest {

	static final String ADMIN = basic("admin", "admin-it-password");

	static final String VIEWER = basic("viewer", "viewer-it-password");

	static final String OPERATOR = basic("operator", "operator-it-password");

	@LocalServerPort
	int port;

	@Autowired
	ShardDataSources shards;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestServices.springProperties(TestServices.jvmPrefix()).forEach((key, value) -> registry.add(key, () -> value));
	}

	Answer call(String method, String path, String authorization, String body) {
		return new TestHttp(this.port).call(method, path, authorization, body);
	}

	/** A one-number query on the global database. */
	long globalCount(String sql) throws SQLException {
		try (Connection connection = this.shards.all().get(ShardDataSources.GLOBAL).getConnection();
				PreparedStatement query = connection.prepareStatement(sql);
				ResultSet result = query.executeQuery()) {
			result.next();
			return result.getLong(1);
		}
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
