package com.couponplatform.sharding;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Decides each physical database's {@link ShardCircuit}: a probe per database runs
 * {@code SELECT 1} every {@code coupon.db.probe-interval} on a connection of its own (not
 * the pool's, which a frozen server may have filled with hung statements), bounded by
 * {@code coupon.db.probe-timeout} for connecting and answering alike.
 * {@code coupon.db.probe-failures} failures in a row (after a failure the next probe runs
 * at once) open the circuit and abort the statements in flight on that database; one
 * success (and a first connection taken from its pool) closes it, so service resumes when
 * the server is back, with no restart. A request that could not get a connection asks for
 * a probe at once.
 *
 * <p>
 * Killed, a server refuses connections and the probe fails in microseconds; frozen, it
 * accepts the connection and never answers, and the probe's timeout is what tells.
 */
final class ShardProber implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ShardProber.class);

	private final List<GuardedPool> pools;

	private final DatabaseProperties settings;

	private final List<Probe> probes = new ArrayList<>();

	private ScheduledExecutorService executor;

	ShardProber(ShardDataSources pools, DatabaseProperties settings) {
		this.pools = pools.guarded();
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newScheduledThreadPool(this.pools.size(), (runnable) -> {
			Thread thread = new Thread(runnable, "shard-probe-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.getProbeInterval().toMillis();
		for (GuardedPool pool : this.pools) {
			Probe probe = new Probe(pool);
			this.probes.add(probe);
			pool.circuit().onSuspect(() -> probe.soon(this.executor));
			this.executor.scheduleWithFixedDelay(probe::run, 0, interval, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor == null) {
			return;
		}
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.probes.forEach(Probe::disconnect);
		this.probes.clear();
		this.executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/** Stops after the services that use the pools, starts before them. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 100;
	}

	/** The probe of one database, run by one thread at a time. */
	private final class Probe {

		private final GuardedPool pool;

		private final ShardCircuit circuit;

		private final String url;

		private final AtomicBoolean requested = new AtomicBoolean();

		private Connection connection;

		private int failures;

		private Probe(GuardedPool pool) {
			this.pool = pool;
			this.circuit = pool.circuit();
			this.url = withTimeouts(pool.getJdbcUrl(), ShardProber.this.settings.getProbeTimeout().toMillis());
		}

		void soon(ScheduledExecutorService executor) {
			if (this.requested.compareAndSet(false, true)) {
				try {
					executor.execute(this::run);
				}
				catch (RuntimeException shuttingDown) {
					this.requested.set(false);
				}
			}
		}

		synchronized void run() {
			this.requested.set(false);
			try {
				if (this.connection == null) {
					this.connection = DriverManager.getConnection(this.url, this.pool.getUsername(),
							this.pool.getPassword());
				}
				try (Statement statement = this.connection.createStatement()) {
					statement.execute("SELECT 1");
				}
				if (!this.circuit.isClosed()) {
					this.pool.warmUp();
				}
				answered();
			}
			catch (SQLException | RuntimeException ex) {
				disconnect();
				failed(ex);
			}
		}

		private void answered() {
			this.failures = 0;
			if (!this.circuit.isClosed()) {
				this.circuit.close();
				logger.info("Database {} answers again: serving its users", this.circuit.database());
			}
		}

		private void failed(Exception ex) {
			this.failures++;
			if (!this.circuit.isClosed()) {
				return;
			}
			if (this.failures >= ShardProber.this.settings.getProbeFailures()) {
				this.circuit.open(ex.getClass().getSimpleName() + ": " + ex.getMessage());
				logger.warn("Database {} does not answer ({} probes failed: {}): refusing its requests until it does",
						this.circuit.database(), this.failures, ex.toString());
				this.pool.abandonConnections(ShardProber.this.executor);
			}
			else {
				// The next probe right away, not after the interval: while the failures
				// add up, this database's requests wait.
				soon(ShardProber.this.executor);
			}
		}

		synchronized void disconnect() {
			if (this.connection != null) {
				try {
					this.connection.abort(Runnable::run);
				}
				catch (SQLException | RuntimeException ex) {
					// it is being thrown away
				}
				this.connection = null;
			}
		}

	}

	/**
	 * The pool's URL with the probe's own connect and socket timeouts in place of the
	 * pool's (which allow long statements).
	 */
	static String withTimeouts(String url, long timeoutMillis) {
		String stripped = url.replaceAll("([?&])(connectTimeout|socketTimeout)=[^&]*", "$1")
			.replaceAll("&&+", "&")
			.replaceAll("\\?&", "?");
		String separator = stripped.contains("?") ? (stripped.endsWith("?") || stripped.endsWith("&") ? "" : "&") : "?";
		return stripped + separator + "connectTimeout=" + timeoutMillis + "&socketTimeout=" + timeoutMillis;
	}

}
