package com.couponplatform.replication;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.LegacyDatabaseConfigured;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The replication backlog's meters, in every process with a legacy database: the api and
 * admin processes serve the scrape the worker does not.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LegacyDatabaseConfigured.class)
class BacklogMetersConfiguration {

	@Bean
	BacklogMeters backlogMeters(OldDatabase old, MeterRegistry registry) {
		return new BacklogMeters(old, registry);
	}

}
