package com.couponplatform.health;

import java.util.Map;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The RocketMQ broker as the name server sees it. Down means DEGRADED, not DOWN: claims
 * go on and their events wait in the outbox until the broker is back.
 */
class BrokerHealthIndicator implements HealthIndicator {

	private static final long TIMEOUT_MILLIS = 1000;

	private final DefaultMQProducer producer;

	BrokerHealthIndicator(DefaultMQProducer producer) {
		this.producer = producer;
	}

	@Override
	public Health health() {
		try {
			ClusterInfo cluster = this.producer.getDefaultMQProducerImpl()
				.getMqClientFactory()
				.getMQClientAPIImpl()
				.getBrokerClusterInfo(TIMEOUT_MILLIS);
			Map<String, BrokerData> brokers = cluster.getBrokerAddrTable();
			if (brokers == null || brokers.isEmpty()) {
				return Health.status(HealthConfiguration.DEGRADED)
					.withDetail("error", "no broker registered with the name server")
					.build();
			}
			return Health.up().withDetail("brokers", brokers.keySet()).build();
		}
		catch (Exception ex) {
			return Health.status(HealthConfiguration.DEGRADED).withDetail("error", ex.toString()).build();
		}
	}

}
