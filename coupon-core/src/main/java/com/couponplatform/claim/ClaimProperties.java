package com.couponplatform.claim;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coupon.claim.*}: the timings of the claim's write and of its reconciliation.
 */
@ConfigurationProperties("coupon.claim")
public class ClaimProperties {

	/**
	 * The longest a claim's shard transaction may run; past it the write fails and the
	 * stock is given back.
	 */
	private Duration writeTimeout = Duration.ofSeconds(5);

	/**
	 * A claim the gate took this long ago and never confirmed is dead when its row is
	 * missing: reconciliation gives its stock back. Must exceed any claim's duration.
	 */
	private Duration pendingTimeout = Duration.ofSeconds(60);

	/**
	 * The guarded counter is repaired from the rows only after it has not moved for this
	 * long, so no in-flight claim can be counted as leaked.
	 */
	private Duration quietPeriod = Duration.ofSeconds(120);

	/** How often reconciliation runs; zero or negative disables the schedule. */
	private Duration reconcileInterval = Duration.ofSeconds(15);

	public Duration getWriteTimeout() {
		return this.writeTimeout;
	}

	public void setWriteTimeout(Duration writeTimeout) {
		this.writeTimeout = writeTimeout;
	}

	public Duration getPendingTimeout() {
		return this.pendingTimeout;
	}

	public void setPendingTimeout(Duration pendingTimeout) {
		this.pendingTimeout = pendingTimeout;
	}

	public Duration getQuietPeriod() {
		return this.quietPeriod;
	}

	public void setQuietPeriod(Duration quietPeriod) {
		this.quietPeriod = quietPeriod;
	}

	public Duration getReconcileInterval() {
		return this.reconcileInterval;
	}

	public void setReconcileInterval(Duration reconcileInterval) {
		this.reconcileInterval = reconcileInterval;
	}

}
