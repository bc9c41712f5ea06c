package com.couponplatform.messaging;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.spring.core.RocketMQTemplate;

import org.springframework.beans.factory.annotation.Value;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.sharding.ShardTransactions;

/**
 * Wires the outbox relay and topic preparation to rocketmq-spring's producer, and the
 * event consumers.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

	@Bean
	@ConditionalOnProperty(name = "coupon.messaging.relay.enabled", havingValue = "true", matchIfMissing = true)
	OutboxRelay outboxRelay(ShardTransactions shards, RocketMQTemplate rocketMQ, MessagingProperties properties,
			ShardAvailability availability, MeterRegistry registry) {
		return new OutboxRelay(shards, rocketMQ.getProducer(), properties.getRelay(), availability, registry);
	}

	@Bean
	EventConsumers eventConsumers(List<EventSubscription> subscriptions,
			@Value("${rocketmq.name-server}") String nameServer) {
		return new EventConsumers(subscriptions, nameServer);
	}

	@Bean
	BrokerTopics brokerTopics(RocketMQTemplate rocketMQ, Topics topics, MessagingProperties properties) {
		return new BrokerTopics(rocketMQ.getProducer(), topics, properties.getQueuesPerTopic());
	}

}
