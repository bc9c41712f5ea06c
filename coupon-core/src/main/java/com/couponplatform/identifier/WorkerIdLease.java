package com.couponplatform.identifier;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases one snowflake worker ID in Redis ({@code SET NX PX}) so that no two live
 * processes share one, and keeps the lease alive; if it is lost (a pause longer than the
 * TTL) it takes a free ID again before handing out more.
 */
public final class WorkerIdLease implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WorkerIdLease.class);

	private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

	private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end";

	private final RedissonClient redisson;

	private final String keyPrefix;

	private final Duration ttl;

	private final String owner = UUID.randomUUID().toString();

	private final ScheduledExecutorService renewer;

	private volatile int workerId = -1;

	/** {@link System#nanoTime()} after which the lease may have expired in Redis. */
	private volatile long leaseValidUntil;

	public WorkerIdLease(RedissonClient redisson, String keyPrefix, Duration ttl) {
		this.redisson = redisson;
		this.keyPrefix = keyPrefix + "snowflake:worker:";
		this.ttl = ttl;
		this.renewer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "worker-id-lease");
			thread.setDaemon(true);
			return thread;
		});
		acquire();
		long period = Math.max(1, ttl.toMillis() / 3);
		this.renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * The leased worker ID.
	 * @return a value in {@code 0 … 1023}
	 */
	public int workerId() {
		if (this.workerId < 0 || System.nanoTime() - this.leaseValidUntil > 0) {
			// Unrenewed past its TTL, another process may hold the ID now: fail closed
			// until a lease is taken again rather than risk a duplicate ID.
			synchronized (this) {
				if (System.nanoTime() - this.leaseValidUntil > 0) {
					this.workerId = -1;
				}
				acquire();
			}
		}
		return this.workerId;
	}

	private synchronized void acquire() {
		if (this.workerId >= 0) {
			return;
		}
		// Start at a random ID so that processes starting together rarely race for the
		// same one.
		int start = (int) (Math.random() * (SnowflakeIdGenerator.MAX_WORKER_ID + 1));
		for (int i = 0; i <= SnowflakeIdGenerator.MAX_WORKER_ID; i++) {
			int candidate = (start + i) % (SnowflakeIdGenerator.MAX_WORKER_ID + 1);
			if (this.redisson.<String>getBucket(this.keyPrefix + candidate, StringCodec.INSTANCE)
				.setIfAbsent(this.owner, this.ttl)) {
				this.leaseValidUntil = System.nanoTime() + this.ttl.toNanos();
				this.workerId = candidate;
				logger.info("Leased snowflake worker ID {}", candidate);
				return;
			}
		}
		throw new IllegalStateException("All " + (SnowflakeIdGenerator.MAX_WORKER_ID + 1)
				+ " snowflake worker IDs are leased; cannot generate unique IDs");
	}

	private void renew() {
		int id = this.workerId;
		if (id < 0) {
			return;
		}
		long renewStarted = System.nanoTime();
		try {
			Long renewed = this.redisson.getScript(StringCodec.INSTANCE)
				.eval(RScript.Mode.READ_WRITE, RENEW, RScript.ReturnType.INTEGER, List.of(this.keyPrefix + id),
						this.owner, Long.toString(this.ttl.toMillis()));
			if (renewed == null || renewed == 0) {
				logger.warn("Lost the lease on snowflake worker ID {}; taking a new one", id);
				this.workerId = -1;
			}
			else {
				this.leaseValidUntil = renewStarted + this.ttl.toNanos();
			}
		}
		catch (RuntimeException ex) {
			// Redis unreachable: keep the ID while the lease is surely ours, retry next
			// period.
			logger.warn("Could not renew the lease on snowflake worker ID {}: {}", id, ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.renewer.shutdownNow();
		int id = this.workerId;
		if (id >= 0) {
			try {
				this.redisson.getScript(StringCodec.INSTANCE)
					.eval(RScript.Mode.READ_WRITE, RELEASE, RScript.ReturnType.INTEGER, List.of(this.keyPrefix + id),
							this.owner);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not release snowflake worker ID {}", id, ex);
			}
		}
	}

}
