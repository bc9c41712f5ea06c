package com.couponplatform.messaging;

import java.util.Map;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Creates the installation's topics and warms the producer's route before the process
 * reports ready: on a fresh broker the first route lookup and the first delivery to a new
 * consumer group otherwise take many seconds of a user's time.
 */
public class BrokerTopics implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(BrokerTopics.class);

	private final DefaultMQProducer producer;

	private final Topics topics;

	private final int queues;

	public BrokerTopics(DefaultMQProducer producer, Topics topics, int queues) {
		this.producer = producer;
		this.topics = topics;
		this.queues = queues;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String topic : this.topics.all()) {
			try {
				this.producer.createTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, topic, this.queues, Map.of());
				this.producer.fetchPublishMessageQueues(topic);
			}
			catch (Exception ex) {
				// The outbox keeps every event until the broker is back; serve meanwhile.
				logger.warn("Could not prepare topic {} on the broker (events wait in the outbox): {}", topic,
						ex.toString());
			}
		}
	}

}
