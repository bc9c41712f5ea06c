package com.couponplatform.migrationtool;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.couponplatform.sharding.DatabaseProperties;
import com.couponplatform.sharding.SchemaInstaller;
import com.couponplatform.sharding.ShardingLayout;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code abandon} ends a migration still in phase LEGACY, and refuses one that has moved
 * on.
 */
@RealServices
class MigrationAbandonIT {

	private final String prefix = TestServices.uniquePrefix();

	@AfterEach
	void drop() {
		TestServices.dropDatabases(this.prefix);
	}

	@Test
	void endsAMigrationInLegacyOnly() {
		DatabaseProperties database = TestServices.database(this.prefix);
		new SchemaInstaller(database, new ShardingLayout(2, 8), Clock.systemUTC()).install();
		JdbcClient global = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(this.prefix + "_global"),
				TestServices.dbUser(), TestServices.dbPassword()));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		assertThat(abandon(output)).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("No migration is underway");

		insert(global, "STATIC_FROZEN");
		output.reset();
		assertThat(abandon(output)).isEqualTo(2);
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("is in phase STATIC_FROZEN");
		assertThat(rows(global)).isEqualTo(1);

		global.sql("DELETE FROM migration_state").update();
		insert(global, "LEGACY");
		output.reset();
		assertThat(abandon(output)).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("Abandoned the migration from 'mall'");
		assertThat(rows(global)).isZero();
	}

	private int abandon(ByteArrayOutputStream output) {
		Map<String, String> env = Map.of("COUPON_DB_HOST", TestServices.dbHost(), "COUPON_DB_PORT",
				Integer.toString(TestServices.dbPort()), "COUPON_DB_USER", TestServices.dbUser(), "COUPON_DB_PASSWORD",
				TestServices.dbPassword(), "COUPON_DB_PREFIX", this.prefix);
		return new MigrationCli(env, new PrintStream(output, true, StandardCharsets.UTF_8)).run("abandon");
	}

	private static void insert(JdbcClient global, String phase) {
		global
			.sql("INSERT INTO migration_state (id, phase, epoch, legacy_database, entered_at, entered_by) "
					+ "VALUES (1, ?, 1, 'mall', UTC_TIMESTAMP(3), 'it')")
			.param(phase)
			.update();
	}

	private static long rows(JdbcClient global) {
		return global.sql("SELECT COUNT(*) FROM migration_state").query(Long.class).single();
	}

}
