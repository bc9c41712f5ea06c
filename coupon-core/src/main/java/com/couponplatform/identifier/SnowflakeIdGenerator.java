package com.couponplatform.identifier;

import java.time.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Snowflake IDs: 41 bits of milliseconds since 2026-01-01, 10 bits of worker ID, 12 bits
 * of sequence. Time-ordered, so "newest first" is "highest ID first".
 *
 * <p>
 * The worker ID is asked for on every call because a lease can move to another ID; a
 * clock that steps back is waited out (briefly) rather than risking a repeated ID.
 */
public final class SnowflakeIdGenerator implements IdGenerator {

	static final long EPOCH = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

	static final int WORKER_BITS = 10;

	static final int SEQUENCE_BITS = 12;

	public static final int MAX_WORKER_ID = (1 << WORKER_BITS) - 1;

	private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

	private static final long MAX_BACKWARD_MILLIS = 2_000;

	private final Clock clock;

	private final IntSupplier workerId;

	private long lastMillis = -1;

	private long sequence;

	public SnowflakeIdGenerator(Clock clock, IntSupplier workerId) {
		this.clock = clock;
		this.workerId = workerId;
	}

	/**
	 * The smallest ID any generator issues from an instant on: rows whose IDs lie below
	 * it never collide with generated ones (decision 2's floor).
	 * @param instant the instant
	 * @return the floor
	 */
	public static long floorAt(Instant instant) {
		return (instant.toEpochMilli() - EPOCH) << (WORKER_BITS + SEQUENCE_BITS);
	}

	@Override
	public synchronized long nextId() {
		long now = currentMillis();
		if (now == this.lastMillis) {
			this.sequence = (this.sequence + 1) & SEQUENCE_MASK;
			if (this.sequence == 0) {
				now = waitForNextMillis(now);
			}
		}
		else {
			this.sequence = 0;
		}
		this.lastMillis = now;
		return ((now - EPOCH) << (WORKER_BITS + SEQUENCE_BITS)) | ((long) this.workerId.getAsInt() << SEQUENCE_BITS)
				| this.sequence;
	}

	private long currentMillis() {
		long now = this.clock.millis();
		if (now < this.lastMillis) {
			if (this.lastMillis - now > MAX_BACKWARD_MILLIS) {
				throw new IllegalStateException(
						"The clock moved back " + (this.lastMillis - now) + " ms; refusing IDs");
			}
			return waitForNextMillis(this.lastMillis - 1);
		}
		return now;
	}

	private long waitForNextMillis(long after) {
		long now = this.clock.millis();
		while (now <= after) {
			Thread.onSpinWait();
			now = this.clock.millis();
		}
		return now;
	}

}
