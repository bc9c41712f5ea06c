package com.couponplatform.replication;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.LegacyDatabaseConfigured;
import com.couponplatform.sharding.ShardDataSources;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every process reads of the replication: the verification runs (the console and the
 * CLI request and read them) and, with a legacy database, the backlog's meters (the api
 * and admin processes serve the scrape the worker does not).
 */
@Configuration(proxyBeanMethods = false)
class ReplicationReadsConfiguration {

	@Bean
	Verifications verifications(ShardDataSources pools) {
		return new Verifications(pools.all().get(ShardDataSources.GLOBAL));
	}

	@Bean
	@Conditional(LegacyDatabaseConfigured.class)
	BacklogMeters backlogMeters(OldDatabase old, MeterRegistry registry) {
		return new BacklogMeters(old, registry);
	}

}
