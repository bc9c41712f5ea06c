package com.couponplatform.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.couponplatform.sharding.DatabaseProperties;
import com.couponplatform.testsupport.ChildApplication;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * coupon-admin killed with SIGKILL in the middle of an issuance job — publisher and
 * writers in the same process — and a fresh one started in its place: the job resumes
 * from its checkpoint and ends with exactly one coupon per user and counters that agree
 * with the rows. The processes run on databases of their own, so no other test context of
 * this JVM can pick the job up.
 */
@RealServices
class IssuanceKillIT {

	private static final int USERS = 30_000;

	private static final String PASSWORD = "kill-it-admin-password";

	private final String prefix = TestServices.prefixDroppedAtExit();

	@Test
	void aJobKilledMidWayCompletesExactlyOnceAfterARestart() throws Exception {
		ChildApplication first = start("admin-1");
		String job;
		long templateId;
		try {
			TestHttp http = new TestHttp(first.port());
			templateId = activeTemplate(http);
			String users = LongStream.range(0, USERS)
				.mapToObj((i) -> "\"" + (60_000_000L + i) + "\"")
				.collect(Collectors.joining(","));
			Answer created = http.call("POST", "/admin/api/v1/issuance-jobs",
					AdminIntegrationTest.basic("admin", PASSWORD),
					"{\"templateId\":\"" + templateId + "\",\"userIds\":[" + users + "]}");
			assertThat(created.status()).isEqualTo(202);
			job = created.location();
			long processed = awaitProcessed(http, job, USERS / 10, Duration.ofMinutes(3));
			assertThat(processed).as("killed mid-way").isLessThan(USERS);
		}
		finally {
			first.kill();
		}

		ChildApplication second = start("admin-2");
		try {
			TestHttp http = new TestHttp(second.port());
			Answer done = awaitStatus(http, job, "COMPLETED", Duration.ofMinutes(4));
			assertThat(done.body().path("total").asLong()).isEqualTo(USERS);
			assertThat(done.body().path("processed").asLong()).isEqualTo(USERS);
			assertThat(done.body().path("issued").asLong()).isEqualTo(USERS);
			assertThat(done.body().path("failed").asLong()).isZero();
		}
		finally {
			second.kill();
		}
		assertThat(sumOverCouponTables("SELECT COUNT(*) FROM %s WHERE template_id = " + templateId)).isEqualTo(USERS);
		assertThat(sumOverCouponTables("SELECT COUNT(*) FROM (SELECT user_id FROM %s WHERE template_id = " + templateId
				+ " GROUP BY user_id HAVING COUNT(*) > 1) twice"))
			.as("users with two coupons")
			.isZero();
		assertThat(global("SELECT issued FROM coupon_template WHERE id = " + templateId)).isEqualTo(USERS);
		assertThat(global("SELECT COUNT(*) FROM issuance_target WHERE state <> 'ISSUED'")).isZero();
		assertThat(global("SELECT issued_count FROM template_statistic WHERE template_id = " + templateId))
			.isEqualTo(USERS);
	}

	/**
	 * coupon-admin on this test's databases, writing slowly: small messages, one writer.
	 */
	private ChildApplication start(String name) throws Exception {
		List<String> args = new ArrayList<>();
		TestServices.springProperties(this.prefix).forEach((key, value) -> args.add("--" + key + "=" + value));
		args.addAll(List.of("--coupon.admin.password=" + PASSWORD, "--coupon.issuance.read-limit=500",
				"--coupon.issuance.payload-bytes=4096", "--coupon.issuance.consumer-threads=1",
				"--coupon.issuance.poll-interval=200ms"));
		return ChildApplication.start(com.couponplatform.admin.CouponAdminApplication.class, name, null, args);
	}

	private static long activeTemplate(TestHttp http) {
		String admin = AdminIntegrationTest.basic("admin", PASSWORD);
		Answer created = http.call("POST", "/admin/api/v1/templates", admin, """
				{"name":"kill IT","type":"FIXED_AMOUNT","discountAmount":500,"totalStock":%d,"perUserLimit":1,
				 "claimStart":"%s","claimEnd":"%s","validity":{"type":"RELATIVE","days":30}}
				""".formatted(USERS, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600)));
		assertThat(created.status()).isEqualTo(201);
		long id = created.body().path("id").asLong();
		assertThat(http.call("POST", "/admin/api/v1/templates/" + id + "/publish", admin, null).status())
			.isEqualTo(200);
		return id;
	}

	private static long awaitProcessed(TestHttp http, String job, long atLeast, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			long processed = http.call("GET", job, AdminIntegrationTest.basic("admin", PASSWORD), null)
				.body()
				.path("processed")
				.asLong();
			if (processed >= atLeast) {
				return processed;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the job never reached " + atLeast + " processed users");
	}

	private static Answer awaitStatus(TestHttp http, String job, String status, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Answer answer = http.call("GET", job, AdminIntegrationTest.basic("admin", PASSWORD), null);
		while (!status.equals(answer.body().path("status").asText()) && System.nanoTime() < deadline) {
			Thread.sleep(500);
			answer = http.call("GET", job, AdminIntegrationTest.basic("admin", PASSWORD), null);
		}
		assertThat(answer.body().path("status").asText()).as(answer.body().toString()).isEqualTo(status);
		return answer;
	}

	private long sumOverCouponTables(String sql) throws SQLException {
		DatabaseProperties database = TestServices.database(this.prefix);
		long sum = 0;
		for (int db = 0; db < 2; db++) {
			try (Connection connection = DriverManager.getConnection(database.jdbcUrl(database.shardDatabase(db)),
					database.getUser(), database.getPassword()); Statement statement = connection.createStatement()) {
				for (int t = 0; t < 8; t++) {
					try (ResultSet result = statement.executeQuery(String.format(sql, "user_coupon_" + t))) {
						result.next();
						sum += result.getLong(1);
					}
				}
			}
		}
		return sum;
	}

	private long global(String sql) throws SQLException {
		DatabaseProperties database = TestServices.database(this.prefix);
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(database.globalDatabase()),
				database.getUser(), database.getPassword());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
