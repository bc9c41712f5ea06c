package com.couponplatform.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A job every instance schedules and only one runs at a time: each round tries a Redis
 * lock without waiting and skips when another instance holds it; the lock is renewed
 * while its holder lives and expires shortly after it dies. A failed round is logged and
 * the next one tries again; the jobs are written so that any round may be cut short.
 */
public abstract class LeaderJob implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LeaderJob.class);

	private final String name;

	private final Duration interval;

	private final RLock lock;

	private ScheduledExecutorService scheduler;

	/**
	 * @param name the job's name: its thread's and its lock's
	 * @param interval the delay between rounds; zero or negative never schedules it
	 * @param redis the Redis holding the lock
	 * @param keyPrefix the installation's key prefix
	 */
	protected LeaderJob(String name, Duration interval, RedissonClient redis, String keyPrefix) {
		this.name = name;
		this.interval = interval;
		this.lock = redis.getLock(keyPrefix + "job:" + name);
	}

	/** One round of the job. */
	protected abstract void runOnce();

	@Override
	public void start() {
		if (this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, this.name);
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.scheduler.scheduleWithFixedDelay(this::runIfLeader, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void runIfLeader() {
		try {
			// No lease time: Redisson's watchdog renews the lock while this process
			// lives,
			// however long a round takes, and lets it expire 30 s after a crash.
			if (!this.lock.tryLock()) {
				return;
			}
			try {
				runOnce();
			}
			finally {
				this.lock.unlock();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("{}: round skipped: {}", this.name, ex.toString());
		}
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
