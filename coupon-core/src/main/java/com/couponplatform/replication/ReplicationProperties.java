package com.couponplatform.replication;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How OLD's changes reach NEW ({@code COUPON_MIGRATION_REPLICATION_*},
 * docs/configuration.md).
 */
@ConfigurationProperties("coupon.migration.replication")
public class ReplicationProperties {

	/** How long the relay rests after finding OLD's outbox empty. */
	private Duration interval = Duration.ofMillis(100);

	/** The most changes the relay sends in one round. */
	private int batchSize = 200;

	/**
	 * How long a change sent and not yet applied waits before the relay sends it again
	 * (the broker lost it, or the applier dropped it mid-way).
	 */
	private Duration resendAfter = Duration.ofSeconds(30);

	/** How many changes one worker applies at once. */
	private int applierThreads = 4;

	/**
	 * A fault drill for tests: the relay sends every round twice, in reverse order, so
	 * that duplicate and out-of-order delivery is exercised. Off in production.
	 */
	private boolean redeliver;

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getResendAfter() {
		return this.resendAfter;
	}

	public void setResendAfter(Duration resendAfter) {
		this.resendAfter = resendAfter;
	}

	public int getApplierThreads() {
		return this.applierThreads;
	}

	public void setApplierThreads(int applierThreads) {
		this.applierThreads = applierThreads;
	}

	public boolean isRedeliver() {
		return this.redeliver;
	}

	public void setRedeliver(boolean redeliver) {
		this.redeliver = redeliver;
	}

}
