package com.couponplatform.migrationtool;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schema} brings a bare server to the whole schema for any N and M, with no client
 * tool.
 */
@RealServices
class MigrationSchemaIT {

	private final String prefix = TestServices.uniquePrefix();

	@AfterEach
	void drop() {
		TestServices.dropDatabases(this.prefix);
	}

	@Test
	void createsEveryDatabaseAndPhysicalTable() throws Exception {
		Map<String, String> env = Map.of("COUPON_DB_HOST", TestServices.dbHost(), "COUPON_DB_PORT",
				Integer.toString(TestServices.dbPort()), "COUPON_DB_USER", TestServices.dbUser(), "COUPON_DB_PASSWORD",
				TestServices.dbPassword(), "COUPON_DB_PREFIX", this.prefix, "COUPON_SHARDING_DATABASES", "3",
				"COUPON_SHARDING_TABLES", "4");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = new MigrationCli(env, new PrintStream(output, true, StandardCharsets.UTF_8)).run("schema");

		assertThat(status).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("3 databases x 4 tables");
		try (Connection connection = DriverManager.getConnection(TestServices.database(this.prefix).jdbcUrl(""),
				TestServices.dbUser(), TestServices.dbPassword());
				ResultSet tables = connection.createStatement()
					.executeQuery(
							"SELECT table_schema, COUNT(*) FROM information_schema.tables WHERE table_schema LIKE '"
									+ this.prefix
									+ "\\_%' AND table_name LIKE 'user\\_coupon\\_%' GROUP BY table_schema")) {
			int databases = 0;
			while (tables.next()) {
				databases++;
				assertThat(tables.getInt(2)).isEqualTo(4);
			}
			assertThat(databases).isEqualTo(3);
		}
	}

	@Test
	void checkNamesEveryServerAndFailsWhenOneDoesNotAnswer() {
		Map<String, String> env = new HashMap<>(Map.of("COUPON_DB_HOST", TestServices.dbHost(), "COUPON_DB_PORT",
				Integer.toString(TestServices.dbPort()), "COUPON_DB_USER", TestServices.dbUser(), "COUPON_DB_PASSWORD",
				TestServices.dbPassword(), "COUPON_DB_PREFIX", this.prefix));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		assertThat(new MigrationCli(env, new PrintStream(output, true, StandardCharsets.UTF_8)).run("check")).isZero();
		String server = TestServices.dbHost() + ":" + TestServices.dbPort();
		assertThat(output.toString(StandardCharsets.UTF_8).lines()).containsExactly("ok          global " + server,
				"ok          ds_0 " + server, "ok          ds_1 " + server);

		// Shard 1 on a port nothing listens on, and a legacy database on the real server.
		env.put("COUPON_DB_SHARD_1_PORT", "1");
		env.put("COUPON_LEGACY_DB_NAME", this.prefix + "_legacy_mall");
		output.reset();
		assertThat(new MigrationCli(env, new PrintStream(output, true, StandardCharsets.UTF_8)).run("check"))
			.isEqualTo(1);
		assertThat(output.toString(StandardCharsets.UTF_8).lines()).hasSize(4)
			.contains("ok          global " + server, "ok          ds_0 " + server, "ok          legacy " + server)
			.anyMatch((line) -> line.startsWith("unreachable ds_1 " + TestServices.dbHost() + ":1: "));
	}

}
