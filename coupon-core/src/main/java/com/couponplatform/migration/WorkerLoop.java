package com.couponplatform.migration;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A worker's background job as the application's lifecycle runs it: daemon threads that
 * run a round again and again, rest while a round finds nothing to do, and, when one
 * fails, log it and back off (a tenth of a second doubling up to five) before the next —
 * the job's state is in the database, so the next round resumes it.
 */
public final class WorkerLoop implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WorkerLoop.class);

	private static final long MAX_BACKOFF_MILLIS = 5_000;

	private final String name;

	private final int threads;

	private final Round round;

	private final Duration idle;

	private volatile ExecutorService running;

	/**
	 * @param name the threads' name, and the logs'
	 * @param threads how many threads run rounds at once
	 * @param round one round
	 * @param idle how long a thread rests after a round that found nothing to do
	 */
	public WorkerLoop(String name, int threads, Round round, Duration idle) {
		this.name = name;
		this.threads = threads;
		this.round = round;
		this.idle = idle;
	}

	private void loop() {
		long backoff = 0;
		while (!Thread.currentThread().isInterrupted()) {
			try {
				boolean worked = this.round.run();
				backoff = 0;
				if (!worked) {
					TimeUnit.MILLISECONDS.sleep(this.idle.toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				backoff = Math.min(MAX_BACKOFF_MILLIS, Math.max(100, backoff * 2));
				logger.warn("{} round failed; resuming in {} ms: {}", this.name, backoff, ex.toString());
				try {
					TimeUnit.MILLISECONDS.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	@Override
	public void start() {
		AtomicInteger count = new AtomicInteger();
		this.running = Executors.newFixedThreadPool(this.threads, (runnable) -> {
			Thread thread = new Thread(runnable, this.name + "-" + count.getAndIncrement());
			thread.setDaemon(true);
			return thread;
		});
		for (int i = 0; i < this.threads; i++) {
			this.running.execute(this::loop);
		}
	}

	@Override
	public void stop() {
		ExecutorService threads = this.running;
		if (threads != null) {
			threads.shutdownNow();
			try {
				threads.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/**
	 * Started before, and stopped after, the transition runner (the default phase): a
	 * worker that shuts down stops taking on a transition first.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	/** One round of a background job. */
	@FunctionalInterface
	public interface Round {

		/**
		 * @return whether the round did some work (the next one follows at once)
		 */
		boolean run() throws InterruptedException;

	}

}
