package com.couponplatform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Topic naming and the outbox relay's pace.
 */
@ConfigurationProperties("coupon.messaging")
public class MessagingProperties {

	/**
	 * Prefix of every topic and consumer group, so that installations (and test runs)
	 * sharing a broker never consume each other's events. Defaults to the database
	 * prefix.
	 */
	private String topicPrefix = "coupon";

	/** Queues per topic created at start-up. */
	private int queuesPerTopic = 4;

	private final Relay relay = new Relay();

	public String getTopicPrefix() {
		return this.topicPrefix;
	}

	public void setTopicPrefix(String topicPrefix) {
		this.topicPrefix = topicPrefix;
	}

	public int getQueuesPerTopic() {
		return this.queuesPerTopic;
	}

	public void setQueuesPerTopic(int queuesPerTopic) {
		this.queuesPerTopic = queuesPerTopic;
	}

	public Relay getRelay() {
		return this.relay;
	}

	/**
	 * The outbox relay.
	 */
	public static class Relay {

		private boolean enabled = true;

		/** Pause between scans of the shards when the outbox was empty. */
		private Duration interval = Duration.ofMillis(200);

		/** Events published per batch and per transaction. */
		private int batchSize = 100;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

	}

}
