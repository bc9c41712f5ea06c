package com.couponplatform.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.rocketmq.spring.core.RocketMQTemplate;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.sharding.ShardCircuit;
import com.couponplatform.sharding.ShardDataSources;

/**
 * Health components: {@code shards} (the global database, each shard's primary and each
 * replica as its own component, as their circuits say: {@link ShardAvailability}) and
 * {@code broker}; Redis is reported by Spring Data Redis's {@code redis} component.
 *
 * <p>
 * A shard that is down reports {@link #DEGRADED} rather than DOWN: its users get 503,
 * every other user is served, and a load balancer should keep sending traffic. Only the
 * global database, or every shard primary at once, being down is DOWN. Reading the
 * circuits costs nothing: a health request probes no database itself.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

	/** Serving, with part of the platform unavailable; mapped to HTTP 200. */
	public static final Status DEGRADED = new Status("DEGRADED", "serving, but a dependency is unavailable");

	@Bean
	HealthContributor shardsHealthContributor(ShardAvailability availability) {
		List<ShardCircuit> circuits = availability.circuits();
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		for (ShardCircuit circuit : circuits) {
			indicators.put(circuit.database(), () -> health(circuit, circuits));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	private static Health health(ShardCircuit circuit, List<ShardCircuit> circuits) {
		if (circuit.isClosed()) {
			return Health.up().build();
		}
		boolean fatal = ShardDataSources.GLOBAL.equals(circuit.database()) || (isShardPrimary(circuit)
				&& circuits.stream().filter(HealthConfiguration::isShardPrimary).noneMatch(ShardCircuit::isClosed));
		return Health.status(fatal ? Status.DOWN : DEGRADED)
			.withDetail("error", circuit.reason())
			.withDetail("since", circuit.since().toString())
			.withDetail("refused", circuit.refusedCount())
			.build();
	}

	private static boolean isShardPrimary(ShardCircuit circuit) {
		return !ShardDataSources.isReplica(circuit.database()) && !ShardDataSources.GLOBAL.equals(circuit.database());
	}

	@Bean
	HealthIndicator brokerHealthIndicator(RocketMQTemplate rocketMQ) {
		return new BrokerHealthIndicator(rocketMQ.getProducer());
	}

}
