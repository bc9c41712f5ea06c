package com.couponplatform.messaging;

/**
 * One consumer group's handling of one topic's events. A handler that throws asks for
 * redelivery; handlers must therefore be idempotent (by event ID).
 */
public interface EventSubscription {

	/**
	 * The full topic name, see {@link Topics}.
	 * @return the topic
	 */
	String topic();

	/**
	 * The full consumer group name, see {@link Topics#consumerGroup(String)}.
	 * @return the group
	 */
	String consumerGroup();

	/**
	 * Applies one event.
	 * @param payload the event's JSON
	 * @throws Exception to have the broker deliver it again later
	 */
	void handle(String payload) throws Exception;

	/**
	 * How many messages this process handles at once for the subscription.
	 * @return the consumer's thread count
	 */
	default int consumerThreads() {
		return 2;
	}

}
