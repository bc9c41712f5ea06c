package com.couponplatform.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.rocketmq.spring.core.RocketMQTemplate;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.sharding.ShardDataSources;

/**
 * Health components: {@code shards} (the global database and each shard as its own
 * component) and {@code broker}; Redis is reported by Spring Data Redis's {@code redis}
 * component.
 *
 * <p>
 * A shard that is down reports {@link #DEGRADED} rather than DOWN: its users get errors,
 * every other user is served, and a load balancer should keep sending traffic. Only the
 * global database, or every shard at once, being down is DOWN.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

	/** Serving, with part of the platform unavailable; mapped to HTTP 200. */
	public static final Status DEGRADED = new Status("DEGRADED", "serving, but a dependency is unavailable");

	@Bean
	HealthContributor shardsHealthContributor(ShardDataSources dataSources) {
		ShardProbe probe = new ShardProbe(dataSources);
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		for (String name : dataSources.all().keySet()) {
			indicators.put(name, () -> shardHealth(probe, name));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	private static Health shardHealth(ShardProbe probe, String name) {
		Map<String, String> failures = probe.failures();
		String failure = failures.get(name);
		if (failure == null) {
			return Health.up().build();
		}
		long shardsDown = failures.keySet().stream().filter((down) -> !ShardDataSources.GLOBAL.equals(down)).count();
		boolean fatal = ShardDataSources.GLOBAL.equals(name) || shardsDown == probe.shardCount();
		return Health.status(fatal ? Status.DOWN : DEGRADED).withDetail("error", failure).build();
	}

	@Bean
	HealthIndicator brokerHealthIndicator(RocketMQTemplate rocketMQ) {
		return new BrokerHealthIndicator(rocketMQ.getProducer());
	}

}
