package com.couponplatform.migration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

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
@EnableConfigurationProperties({ LegacyDatabaseProperties.class, MigrationProperties.class })
public class MigrationConfiguration {

	@Bean
	MigrationState migrationState(ShardDataSources pools) {
		return new MigrationState(pools.all().get(ShardDataSources.GLOBAL));
	}

	@Bean
	MigrationEpochs migrationEpochs(MigrationState state, DataSource dataSource, ShardDataSources pools, Clock clock,
			LegacyDatabaseProperties legacy, MigrationProperties migration, Environment environment) {
		String process = environment.getProperty("spring.application.name", "coupon-platform");
		Epoch epoch = new MigrationStartup(state, dataSource, clock)
			.check(legacy.configured() ? legacy.getDb().getName() : null, process);
		if (epoch.phase() == Phase.NONE) {
			return new NoMigration();
		}
		ProcessHeartbeats heartbeats = new ProcessHeartbeats(pools.all().get(ShardDataSources.GLOBAL),
				processId(process), process);
		return new StoredEpochs(state, heartbeats, epoch, migration.getPoll(), migration.getProcessLease());
	}

	/** Unique among live processes, and telling an operator which one it is. */
	private static String processId(String kind) {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return kind + "@" + host + ":" + ProcessHandle.current().pid() + "/"
				+ Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

	@Bean
	BackOfficeFreeze backOfficeFreeze(MigrationEpochs epochs) {
		return () -> epochs.current().phase().freezesBackOffice();
	}

}
