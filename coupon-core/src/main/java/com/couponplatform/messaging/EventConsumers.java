package com.couponplatform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs one RocketMQ push consumer per {@link EventSubscription}, started in the
 * background and retried until the broker answers.
 *
 * <p>
 * rocketmq-spring's listener containers start inside the application context and fail it
 * when the name server is unreachable, so an outage of the broker would stop the whole
 * service from starting. Here the service starts, serves (events wait in the outbox) and
 * its consumers join once the broker is back.
 */
public class EventConsumers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EventConsumers.class);

	private static final long RETRY_SECONDS = 5;

	private final List<EventSubscription> subscriptions;

	private final String nameServer;

	private final Map<String, DefaultMQPushConsumer> running = new ConcurrentHashMap<>();

	private ScheduledExecutorService starter;

	public EventConsumers(List<EventSubscription> subscriptions, String nameServer) {
		this.subscriptions = subscriptions;
		this.nameServer = nameServer;
	}

	@Override
	public void start() {
		this.starter = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "event-consumers");
			thread.setDaemon(true);
			return thread;
		});
		this.starter.scheduleWithFixedDelay(this::startPending, 0, RETRY_SECONDS, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		this.starter.shutdownNow();
		this.running.values().forEach(DefaultMQPushConsumer::shutdown);
		this.running.clear();
	}

	/**
	 * Stopped after the beans of the default phase (a worker's transition runner):
	 * closing a consumer takes the broker seconds, and a worker that shuts down stops
	 * taking on a transition first.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	@Override
	public boolean isRunning() {
		return this.starter != null && !this.starter.isShutdown();
	}

	/**
	 * Tells whether every subscription's consumer has started.
	 * @return {@code true} once all consumers are connected
	 */
	public boolean allStarted() {
		return this.running.size() == this.subscriptions.size();
	}

	private void startPending() {
		for (EventSubscription subscription : this.subscriptions) {
			if (!this.running.containsKey(subscription.consumerGroup())) {
				startConsumer(subscription);
			}
		}
	}

	private void startConsumer(EventSubscription subscription) {
		DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(subscription.consumerGroup());
		try {
			consumer.setNamesrvAddr(this.nameServer);
			// RocketMQ's pool queues without bound, so it never grows past its minimum:
			// the minimum is the thread count.
			consumer.setConsumeThreadMin(subscription.consumerThreads());
			consumer.setConsumeThreadMax(subscription.consumerThreads());
			consumer.subscribe(subscription.topic(), "*");
			consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
				for (MessageExt message : messages) {
					try {
						subscription.handle(new String(message.getBody(), StandardCharsets.UTF_8));
					}
					catch (Exception ex) {
						logger.warn("{} failed on message {}; the broker will deliver it again",
								subscription.consumerGroup(), message.getMsgId(), ex);
						return ConsumeConcurrentlyStatus.RECONSUME_LATER;
					}
				}
				return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
			});
			consumer.start();
			this.running.put(subscription.consumerGroup(), consumer);
			logger.info("Consuming {} as {}", subscription.topic(), subscription.consumerGroup());
		}
		catch (Exception ex) {
			consumer.shutdown();
			logger.warn("Cannot start consumer {} yet ({}); retrying in {} s", subscription.consumerGroup(),
					ex.getMessage(), RETRY_SECONDS);
		}
	}

}
