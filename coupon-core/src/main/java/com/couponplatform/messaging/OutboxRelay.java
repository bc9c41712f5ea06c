package com.couponplatform.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import com.couponplatform.persistence.LocalTransaction;
import com.couponplatform.sharding.ShardDataSources;

/**
 * Publishes outbox events to RocketMQ, shard by shard, then deletes them.
 *
 * <p>
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several processes can relay
 * the same shards without sending an event twice at the same time. An event is deleted
 * only after the broker acknowledged it: a crash in between publishes it again, which
 * consumers absorb by event ID (at-least-once delivery, exactly-once effect).
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int MAX_BATCHES_PER_SCAN = 20;

	private static final long MAX_BACKOFF_MILLIS = 10_000;

	private final ShardDataSources shards;

	private final DefaultMQProducer producer;

	private final MessagingProperties.Relay settings;

	private final Map<String, Backoff> backoffs = new HashMap<>();

	private ScheduledExecutorService scheduler;

	public OutboxRelay(ShardDataSources shards, DefaultMQProducer producer, MessagingProperties.Relay settings) {
		this.shards = shards;
		this.producer = producer;
		this.settings = settings;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.getInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::relayAll, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.scheduler.shutdown();
		try {
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null && !this.scheduler.isShutdown();
	}

	void relayAll() {
		long now = System.currentTimeMillis();
		for (Map.Entry<String, DataSource> shard : this.shards.shards().entrySet()) {
			Backoff backoff = this.backoffs.computeIfAbsent(shard.getKey(), (name) -> new Backoff());
			if (now < backoff.retryAt) {
				continue;
			}
			try {
				int batches = 0;
				while (batches++ < MAX_BATCHES_PER_SCAN
						&& relayBatch(shard.getValue()) == this.settings.getBatchSize()) {
					// a full batch means there may be more: keep draining this shard
				}
				if (backoff.failures > 0) {
					logger.info("Outbox relay of {} recovered after {} failed attempts", shard.getKey(),
							backoff.failures);
				}
				backoff.failures = 0;
			}
			catch (Exception ex) {
				// One failing shard or a broker outage must not stop the other shards'
				// events, nor flood the log: back off exponentially, up to a few seconds,
				// per shard.
				backoff.failures++;
				long delay = Math.min(MAX_BACKOFF_MILLIS,
						this.settings.getInterval().toMillis() << Math.min(backoff.failures, 10));
				backoff.retryAt = now + delay;
				if (backoff.failures == 1 || delay == MAX_BACKOFF_MILLIS) {
					logger.warn("Outbox relay of {} failed ({} in a row), retrying in {} ms: {}", shard.getKey(),
							backoff.failures, delay, ex.toString());
				}
			}
		}
	}

	/**
	 * Publishes one batch of a shard's oldest events.
	 * @param shard the shard database
	 * @return how many events were published
	 */
	int relayBatch(DataSource shard) throws Exception {
		// READ COMMITTED: under REPEATABLE READ the locking read would lock the gap after
		// the newest event, and every claim's outbox insert would wait for this batch to
		// reach the broker.
		return LocalTransaction.readCommitted(shard, (connection) -> {
			Map<Long, Message> batch = claimBatch(connection);
			if (!batch.isEmpty()) {
				publish(batch.values());
				delete(connection, batch.keySet());
			}
			return batch.size();
		});
	}

	private Map<Long, Message> claimBatch(Connection connection) throws SQLException {
		Map<Long, Message> batch = new LinkedHashMap<>();
		try (PreparedStatement select = connection
			.prepareStatement("SELECT id, topic, event_type, message_key, payload "
					+ "FROM outbox_event ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
			select.setInt(1, this.settings.getBatchSize());
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					Message message = new Message(rows.getString(2), rows.getString(3), rows.getString(4),
							rows.getString(5).getBytes(StandardCharsets.UTF_8));
					batch.put(rows.getLong(1), message);
				}
			}
		}
		return batch;
	}

	private void publish(Iterable<Message> messages) throws Exception {
		// A RocketMQ batch must share one topic.
		Map<String, List<Message>> byTopic = new LinkedHashMap<>();
		for (Message message : messages) {
			byTopic.computeIfAbsent(message.getTopic(), (topic) -> new ArrayList<>()).add(message);
		}
		for (List<Message> sameTopic : byTopic.values()) {
			this.producer.send(sameTopic, this.producer.getSendMsgTimeout());
		}
	}

	private static void delete(Connection connection, Iterable<Long> ids) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
			for (Long id : ids) {
				delete.setLong(1, id);
				delete.addBatch();
			}
			delete.executeBatch();
		}
	}

	/** Consecutive failures of one shard's relay and when to try it again. */
	private static final class Backoff {

		private int failures;

		private long retryAt;

	}

}
