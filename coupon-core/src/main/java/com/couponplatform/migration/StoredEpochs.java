package com.couponplatform.migration;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import com.couponplatform.shared.RetryLaterException;

/**
 * The epochs of a platform in front of a legacy database, as the global database stores
 * them (decision 3): read every poll interval, each read acknowledged by the process's
 * heartbeat, so that a transition knows when every live process acts on its epoch. A
 * process that has not read the phase for half its lease refuses writes: soon after, the
 * transitions stop waiting for it, and it could be deciding under a phase that is gone.
 */
final class StoredEpochs implements MigrationEpochs, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StoredEpochs.class);

	private final MigrationState state;

	private final ProcessHeartbeats heartbeats;

	private final Duration poll;

	private final long freshNanos;

	private final LongSupplier nanos;

	private volatile Epoch current;

	private volatile long readAtNanos;

	private ScheduledExecutorService scheduler;

	/**
	 * @param state the stored row
	 * @param heartbeats this process's heartbeat, or {@code null} for a process that only
	 * reads (the CLI)
	 * @param current the epoch read at start-up
	 * @param poll how often the phase is read
	 * @param lease how long a process that has not acknowledged is still waited for
	 */
	StoredEpochs(MigrationState state, ProcessHeartbeats heartbeats, Epoch current, Duration poll, Duration lease) {
		this(state, heartbeats, current, poll, lease, System::nanoTime);
	}

	/** With the monotonic clock a test moves. */
	StoredEpochs(MigrationState state, ProcessHeartbeats heartbeats, Epoch current, Duration poll, Duration lease,
			LongSupplier nanos) {
		this.state = state;
		this.heartbeats = heartbeats;
		this.current = current;
		this.poll = poll;
		// Half the lease: the process stops writing well before the others stop waiting.
		this.freshNanos = lease.toNanos() / 2;
		this.nanos = nanos;
		this.readAtNanos = nanos.getAsLong();
	}

	@Override
	public Epoch current() {
		return this.current;
	}

	@Override
	public Epoch writable() {
		if (this.nanos.getAsLong() - this.readAtNanos > this.freshNanos) {
			throw new RetryLaterException("This process cannot read the migration's phase; retry shortly", 1);
		}
		return this.current;
	}

	@Override
	public Epoch refresh() {
		Epoch epoch = this.state.read().map(MigrationState.Stored::epoch).orElse(Epoch.NONE);
		this.current = epoch;
		return epoch;
	}

	/** One poll: the phase read, then acknowledged by the heartbeat. */
	void poll() {
		try {
			Epoch epoch = refresh();
			if (this.heartbeats != null) {
				this.heartbeats.beat(epoch.number());
			}
			this.readAtNanos = this.nanos.getAsLong();
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot read the migration's phase: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "migration-epochs");
			thread.setDaemon(true);
			return thread;
		});
		poll();
		this.scheduler.scheduleWithFixedDelay(this::poll, this.poll.toMillis(), this.poll.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
			if (this.heartbeats != null) {
				try {
					this.heartbeats.leave();
				}
				catch (RuntimeException ex) {
					logger.warn("Cannot remove this process's heartbeat: {}", ex.toString());
				}
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public int getPhase() {
		// Started before, and stopped after, the jobs and listeners that write.
		return Integer.MIN_VALUE + 100;
	}

}
