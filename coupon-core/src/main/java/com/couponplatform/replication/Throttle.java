package com.couponplatform.replication;

import java.util.concurrent.TimeUnit;

/**
 * A rows-per-second limit shared by the threads of one passive job: each batch takes its
 * rows' share of time, and a thread that runs ahead of the rate waits for it.
 */
final class Throttle {

	private final long nanosPerRow;

	private long nextFree = System.nanoTime();

	/**
	 * @param rowsPerSecond the limit, 0 for none
	 */
	Throttle(int rowsPerSecond) {
		this.nanosPerRow = (rowsPerSecond > 0) ? TimeUnit.SECONDS.toNanos(1) / rowsPerSecond : 0;
	}

	/**
	 * Accounts for rows done, waiting as long as the rate asks.
	 * @param rows rows just copied or compared
	 */
	void took(long rows) throws InterruptedException {
		if (this.nanosPerRow == 0 || rows <= 0) {
			return;
		}
		long wait;
		synchronized (this) {
			long now = System.nanoTime();
			this.nextFree = Math.max(this.nextFree, now) + rows * this.nanosPerRow;
			wait = this.nextFree - now;
		}
		// A burst of up to a second's rows goes through unthrottled.
		long excess = wait - TimeUnit.SECONDS.toNanos(1);
		if (excess > 0) {
			TimeUnit.NANOSECONDS.sleep(excess);
		}
	}

}
