package com.couponplatform.sharding;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether one physical database (a shard's primary or replica, or the global database)
 * may be asked for a connection. {@link ShardProber} opens it when the server stops
 * answering and closes it when it answers again; while it is open every request for a
 * connection is refused at once, so the users of that database get a quick 503 and no
 * request thread waits on a server that cannot answer.
 */
public final class ShardCircuit {

	private final String database;

	private final AtomicLong refused = new AtomicLong();

	private volatile boolean open;

	private volatile String reason;

	private volatile Instant since = Instant.now();

	private volatile Runnable onSuspect = () -> {
	};

	ShardCircuit(String database) {
		this.database = database;
	}

	/**
	 * @return the pool's name: {@code ds_global}, {@code ds_<i>} or
	 * {@code ds_<i>_replica_<k>}
	 */
	public String database() {
		return this.database;
	}

	/**
	 * @return whether connections are handed out
	 */
	public boolean isClosed() {
		return !this.open;
	}

	/**
	 * @return why the circuit opened, {@code null} while it is closed
	 */
	public String reason() {
		return this.open ? this.reason : null;
	}

	/**
	 * @return when the circuit last changed state (or was created)
	 */
	public Instant since() {
		return this.since;
	}

	/**
	 * @return how many connection requests it refused since start
	 */
	public long refusedCount() {
		return this.refused.get();
	}

	void open(String why) {
		this.reason = why;
		this.open = true;
		this.since = Instant.now();
	}

	void close() {
		this.open = false;
		this.since = Instant.now();
	}

	void refused() {
		this.refused.incrementAndGet();
	}

	/**
	 * A request could not get a connection: the prober checks the server now rather than
	 * at its next round.
	 */
	void suspect() {
		this.onSuspect.run();
	}

	void onSuspect(Runnable probeNow) {
		this.onSuspect = probeNow;
	}

}
