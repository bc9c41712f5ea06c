package com.couponplatform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.sharding.ShardTransactions;

/**
 * Publishes outbox events to RocketMQ, shard by shard, then deletes them.
 *
 * <p>
 * Each shard database is relayed by a task of its own, on a thread of its own: a shard
 * that does not answer (its circuit open, or frozen until the prober aborts its
 * statement) holds up only its own events, which wait in its outbox until it is back.
 *
 * <p>
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several processes can relay
 * the same shards without sending an event twice at the same time. An event is deleted
 * only after the broker acknowledged it: a crash in between publishes it again, which
 * consumers absorb by event ID (at-least-once delivery, exactly-once effect).
 *
 * <p>
 * Meters per shard database (tag {@code database}): {@code coupon.outbox.published}, and,
 * sampled by the shard's task about once a second, {@code coupon.outbox.backlog} (events
 * waiting, counted up to {@value #BACKLOG_COUNT_LIMIT}) and {@code coupon.outbox.lag}
 * (the age of the oldest waiting event, by the database's clock, which wrote it). The lag
 * is what to alert on: it grows while the broker or the relay is stuck, whatever the
 * traffic.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int MAX_BATCHES_PER_SCAN = 20;

	private static final long MAX_BACKOFF_MILLIS = 10_000;

	private static final long SAMPLE_INTERVAL_MILLIS = 1_000;

	/**
	 * A backlog is counted up to here: a count of millions of rows would cost seconds.
	 */
	static final int BACKLOG_COUNT_LIMIT = 100_000;

	private final ShardTransactions shards;

	private final DefaultMQProducer producer;

	private final MessagingProperties.Relay settings;

	private final ShardAvailability availability;

	private final MeterRegistry registry;

	private ScheduledExecutorService scheduler;

	public OutboxRelay(ShardTransactions shards, DefaultMQProducer producer, MessagingProperties.Relay settings,
			ShardAvailability availability, MeterRegistry registry) {
		this.shards = shards;
		this.producer = producer;
		this.settings = settings;
		this.availability = availability;
		this.registry = registry;
	}

	@Override
	public void start() {
		AtomicInteger threads = new AtomicInteger();
		this.scheduler = Executors.newScheduledThreadPool(this.shards.databases(), (runnable) -> {
			Thread thread = new Thread(runnable, "outbox-relay-" + threads.getAndIncrement());
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.getInterval().toMillis();
		for (int database = 0; database < this.shards.databases(); database++) {
			ShardRelay relay = new ShardRelay(database);
			this.scheduler.scheduleWithFixedDelay(relay::relay, interval, interval, TimeUnit.MILLISECONDS);
		}
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

	/**
	 * Publishes one batch of a shard's oldest events.
	 * @param database the shard database's index
	 * @return how many events were published
	 */
	int relayBatch(int database) {
		// READ COMMITTED: under REPEATABLE READ the locking read would lock the gap after
		// the newest event, and every claim's outbox insert would wait for this batch to
		// reach the broker.
		return this.shards.inShardReadCommitted(database, (sql) -> {
			Map<Long, Message> batch = new LinkedHashMap<>();
			sql.sql("SELECT id, topic, event_type, message_key, payload "
					+ "FROM outbox_event ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
				.param(this.settings.getBatchSize())
				.query((rs) -> {
					batch.put(rs.getLong(1), new Message(rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5).getBytes(StandardCharsets.UTF_8)));
				});
			if (!batch.isEmpty()) {
				publish(batch.values());
				sql.sql("DELETE FROM outbox_event WHERE id IN (:ids)").param("ids", batch.keySet()).update();
			}
			return batch.size();
		});
	}

	private void publish(Iterable<Message> messages) {
		// A RocketMQ batch must share one topic.
		Map<String, List<Message>> byTopic = new LinkedHashMap<>();
		for (Message message : messages) {
			byTopic.computeIfAbsent(message.getTopic(), (topic) -> new ArrayList<>()).add(message);
		}
		for (List<Message> sameTopic : byTopic.values()) {
			try {
				this.producer.send(sameTopic, this.producer.getSendMsgTimeout());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BrokerFailure(ex);
			}
			catch (Exception ex) {
				throw new BrokerFailure(ex);
			}
		}
	}

	/**
	 * The broker did not take a batch: the transaction rolls back and nothing is deleted.
	 */
	private static final class BrokerFailure extends RuntimeException {

		private BrokerFailure(Exception cause) {
			super(cause);
		}

	}

	/**
	 * The relay of one shard database, with its consecutive failures and when to try
	 * again.
	 */
	private final class ShardRelay {

		private final int database;

		private final Counter published;

		private final AtomicLong backlog = new AtomicLong();

		private final AtomicLong lagMicros = new AtomicLong();

		private int failures;

		private long retryAt;

		private long sampledAt;

		/**
		 * The last attempt failed on the database (not the broker): leave it alone too.
		 */
		private boolean databaseFailing;

		private ShardRelay(int database) {
			this.database = database;
			String name = "ds_" + database;
			MeterRegistry registry = OutboxRelay.this.registry;
			this.published = Counter.builder("coupon.outbox.published")
				.description("Outbox events the broker acknowledged")
				.tag("database", name)
				.register(registry);
			Gauge.builder("coupon.outbox.backlog", this.backlog, AtomicLong::get)
				.description("Outbox events waiting to be published (counted up to " + BACKLOG_COUNT_LIMIT + ")")
				.tag("database", name)
				.register(registry);
			TimeGauge.builder("coupon.outbox.lag", this.lagMicros, TimeUnit.MICROSECONDS, AtomicLong::get)
				.description("Age of the oldest outbox event waiting to be published")
				.tag("database", name)
				.register(registry);
		}

		void relay() {
			long now = System.currentTimeMillis();
			if (!OutboxRelay.this.availability.isWritable(this.database)) {
				return;
			}
			// Sampled during a broker outage too (the lag it shows grows), but not
			// while the database itself failed: its backoff keeps every connection
			// off its pool.
			boolean backingOff = now < this.retryAt;
			if (now - this.sampledAt >= SAMPLE_INTERVAL_MILLIS && !(backingOff && this.databaseFailing)) {
				this.sampledAt = now;
				sample();
			}
			if (backingOff) {
				return;
			}
			try {
				int batches = 0;
				int sent;
				do {
					sent = relayBatch(this.database);
					this.published.increment(sent);
				}
				while (++batches < MAX_BATCHES_PER_SCAN && sent == OutboxRelay.this.settings.getBatchSize());
				if (this.failures > 0) {
					logger.info("Outbox relay of shard database {} recovered after {} failed attempts", this.database,
							this.failures);
				}
				this.failures = 0;
			}
			catch (RuntimeException ex) {
				// A broker outage must not flood the log: back off exponentially, up to a
				// few seconds.
				this.failures++;
				this.databaseFailing = !(ex instanceof BrokerFailure);
				long delay = Math.min(MAX_BACKOFF_MILLIS,
						OutboxRelay.this.settings.getInterval().toMillis() << Math.min(this.failures, 10));
				this.retryAt = now + delay;
				if (this.failures == 1 || delay == MAX_BACKOFF_MILLIS) {
					Throwable reason = (ex instanceof BrokerFailure) ? ex.getCause() : ex;
					logger.warn("Outbox relay of shard database {} failed ({} in a row), retrying in {} ms: {}",
							this.database, this.failures, delay, reason.toString());
				}
			}
		}

		/** Reads the shard's backlog and lag; a failed read keeps the last values. */
		private void sample() {
			try {
				OutboxRelay.this.shards.sql(this.database)
					.sql("SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM outbox_event LIMIT ?) waiting), "
							+ "COALESCE(TIMESTAMPDIFF(MICROSECOND, (SELECT MIN(created_at) FROM outbox_event), NOW(3)), 0)")
					.param(BACKLOG_COUNT_LIMIT)
					.query((rs) -> {
						this.backlog.set(rs.getLong(1));
						this.lagMicros.set(Math.max(0, rs.getLong(2)));
					});
			}
			catch (RuntimeException ex) {
				logger.debug("Outbox of shard database {} not sampled: {}", this.database, ex.toString());
			}
		}

	}

}
