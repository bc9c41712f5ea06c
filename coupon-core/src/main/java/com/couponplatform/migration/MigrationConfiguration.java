package com.couponplatform.migration;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.couponplatform.sharding.ShardDataSources;

/**
 * The process's view of the migration: phase NONE without a legacy database, and the
 * stored migration's epoch with one, once the start-up checks of {@link MigrationStartup}
 * have passed. (A test replaces the epochs with a {@code @Primary} bean to move them
 * under a running write.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LegacyDatabaseProperties.class)
public class MigrationConfiguration {

	@Bean
	MigrationState migrationState(ShardDataSources pools) {
		return new MigrationState(pools.all().get(ShardDataSources.GLOBAL));
	}

	@Bean
	MigrationEpochs migrationEpochs(MigrationState state, DataSource dataSource, Clock clock,
			LegacyDatabaseProperties legacy, Environment environment) {
		String process = environment.getProperty("spring.application.name", "coupon-platform");
		Epoch epoch = new MigrationStartup(state, dataSource, clock)
			.check(legacy.configured() ? legacy.getDb().getName() : null, process);
		return (epoch.phase() == Phase.NONE) ? new NoMigration() : new StoredEpochs(state, epoch);
	}

	@Bean
	BackOfficeFreeze backOfficeFreeze(MigrationEpochs epochs) {
		return () -> epochs.current().phase().freezesBackOffice();
	}

}
