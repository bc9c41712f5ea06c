package com.couponplatform.api;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.couponplatform.migration.MigrationStartupRefusedException;
import com.couponplatform.sharding.DatabaseProperties;
import com.couponplatform.sharding.SchemaInstaller;
import com.couponplatform.sharding.ShardingProperties;
import com.couponplatform.testsupport.LegacyMall;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Configuring a legacy database (decision 4): refused while NEW holds users' data; once a
 * migration is underway, a process without the setting, or with another legacy database,
 * refuses to start, each with a message that says what to do.
 */
@RealServices
class LegacyStartupIT {

	private final String prefix = TestServices.prefixDroppedAtExit();

	@Test
	void aLegacyDatabaseNeedsAnEmptyPlatformAndThenEveryProcessNeedsIt() {
		DatabaseProperties database = TestServices.database(this.prefix);
		new SchemaInstaller(database, new ShardingProperties().layout(), Clock.systemUTC()).install();
		LegacyMall mall = LegacyMall.create(this.prefix);
		JdbcClient shard = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(this.prefix + "_ds_0"),
				TestServices.dbUser(), TestServices.dbPassword()));
		shard.sql("INSERT INTO user_coupon_0 (id, user_id, template_id, status, type, discount_amount, valid_from, "
				+ "valid_until, claimed_at, origin, origin_ref, updated_at) VALUES (1, 16, 1, 'UNUSED', 'FIXED_AMOUNT', "
				+ "100, NOW(3), NOW(3), NOW(3), 'CLAIM', 'r-1', NOW(3))")
			.update();

		assertThatThrownBy(() -> start("coupon.legacy.db.name=" + mall.name()))
			.hasRootCauseInstanceOf(MigrationStartupRefusedException.class)
			.rootCause()
			.hasMessageContaining("already hold user coupons");
		assertThat(migrationRows(database)).isZero();

		shard.sql("DELETE FROM user_coupon_0").update();
		try (ConfigurableApplicationContext legacy = start("coupon.legacy.db.name=" + mall.name())) {
			assertThat(legacy.isActive()).isTrue();
		}
		assertThat(migrationRows(database)).isEqualTo(1);
		assertThat(mall.sql().sql("SELECT COUNT(*) FROM t_coupon_migration_schema_history").query(Long.class).single())
			.as("the platform's tables in OLD")
			.isEqualTo(4);

		assertThatThrownBy(() -> start()).hasRootCauseInstanceOf(MigrationStartupRefusedException.class)
			.rootCause()
			.hasMessageContaining("a migration from the legacy database '" + mall.name() + "' is underway");
		assertThatThrownBy(() -> start("coupon.legacy.db.name=" + this.prefix + "_other_mall"))
			.hasRootCauseInstanceOf(MigrationStartupRefusedException.class)
			.rootCause()
			.hasMessageContaining("the migration underway moves '" + mall.name() + "'");
	}

	private ConfigurableApplicationContext start(String... extra) {
		return SpringApplication.run(CouponApiApplication.class, TestServices.installationArguments(this.prefix, concat(
				new String[] { "coupon.db.host=" + TestServices.dbHost(), "coupon.db.port=" + TestServices.dbPort(),
						"coupon.db.user=" + TestServices.dbUser(), "coupon.db.password=" + TestServices.dbPassword() },
				extra)));
	}

	private long migrationRows(DatabaseProperties database) {
		return JdbcClient
			.create(new DriverManagerDataSource(database.jdbcUrl(this.prefix + "_global"), TestServices.dbUser(),
					TestServices.dbPassword()))
			.sql("SELECT COUNT(*) FROM migration_state")
			.query(Long.class)
			.single();
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = new String[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
