package com.couponplatform.legacy.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.claim.ClaimProperties;
import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.legacy.LegacySchema;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.migration.LegacyDatabaseConfigured;
import com.couponplatform.migration.LegacyDatabaseProperties;
import com.couponplatform.sharding.DatabaseProperties;

/**
 * The legacy database's pool and the legacy sides of the capabilities, with a legacy
 * database configured. At start-up the platform checks that the database has the
 * monolith's coupon tables and installs its own {@code t_coupon_migration_…} tables
 * beside them; it never alters the monolith's.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LegacyDatabaseConfigured.class)
class LegacyStoreConfiguration {

	@Bean(destroyMethod = "close")
	HikariDataSource legacyPool(LegacyDatabaseProperties legacy, DatabaseProperties platform, Clock clock) {
		DatabaseProperties server = legacy.server(platform);
		HikariConfig config = new HikariConfig();
		config.setPoolName("legacy");
		config.setJdbcUrl(server.jdbcUrl(legacy.getDb().getName()));
		config.setUsername(server.getUser());
		config.setPassword(server.getPassword());
		config.setMaximumPoolSize(server.getPoolSize());
		config.setMinimumIdle(1);
		HikariDataSource pool = new HikariDataSource(config);
		try (Connection connection = pool.getConnection()) {
			LegacySchema.requireMallTables(connection);
			LegacySchema.installPlatformTables(connection, clock);
		}
		catch (SQLException | RuntimeException ex) {
			pool.close();
			throw new IllegalStateException("Cannot serve from the legacy database " + legacy.getDb().getName() + " on "
					+ server.getHost() + ":" + server.getPort() + ": " + ex.getMessage(), ex);
		}
		return pool;
	}

	@Bean
	OldDatabase oldDatabase(HikariDataSource legacyPool, ClaimProperties claims) {
		return new OldDatabase(legacyPool, (int) Math.max(1, claims.getWriteTimeout().toSeconds()));
	}

	@Bean
	LegacyTime legacyTime(LegacyDatabaseProperties legacy) {
		return new LegacyTime(legacy.getTimeZone());
	}

	@Bean
	OldTemplates oldTemplates(OldDatabase database, LegacyTime time, LegacyDatabaseProperties legacy) {
		return new OldTemplates(database.sql(), time, legacy.getTemplateRefresh());
	}

	@Bean
	OldWallet oldWallet(OldDatabase database, OldTemplates templates, LegacyTime time) {
		return new OldWallet(database.sql(), templates, time);
	}

	@Bean
	OldCheckout oldCheckout(CouponGateway gateway, OldWallet wallet, LegacyTime time) {
		return new OldCheckout(gateway, wallet, time);
	}

	@Bean
	OldRedemptions oldRedemptions(CouponGateway gateway, OldTemplates templates, OldWallet wallet, LegacyTime time,
			Clock clock) {
		return new OldRedemptions(gateway, templates, wallet, time, clock);
	}

	@Bean
	OldClaims oldClaims(CouponGateway gateway, OldTemplates templates, OldWallet wallet, LegacyTime time, Clock clock) {
		return new OldClaims(gateway, templates, wallet, time, clock);
	}

}
