package com.couponplatform.checkout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coupon.checkout.*}: how long an order may hold a coupon unpaid, and the jobs
 * that release stale locks and expire past-due coupons.
 */
@ConfigurationProperties("coupon.checkout")
public class CheckoutProperties {

	/** An order's lock not consumed within this time is released by the sweep. */
	private Duration lockTimeout = Duration.ofMinutes(30);

	/** How often stale locks are looked for; zero or negative disables the sweep. */
	private Duration lockSweepInterval = Duration.ofSeconds(30);

	/** How often past-due coupons are expired; zero or negative disables the job. */
	private Duration expiryInterval = Duration.ofMinutes(5);

	/**
	 * Coupons expired per transaction: small enough that each table's rows stay locked
	 * only briefly.
	 */
	private int expiryBatchSize = 500;

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getLockSweepInterval() {
		return this.lockSweepInterval;
	}

	public void setLockSweepInterval(Duration lockSweepInterval) {
		this.lockSweepInterval = lockSweepInterval;
	}

	public Duration getExpiryInterval() {
		return this.expiryInterval;
	}

	public void setExpiryInterval(Duration expiryInterval) {
		this.expiryInterval = expiryInterval;
	}

	public int getExpiryBatchSize() {
		return this.expiryBatchSize;
	}

	public void setExpiryBatchSize(int expiryBatchSize) {
		this.expiryBatchSize = expiryBatchSize;
	}

}
