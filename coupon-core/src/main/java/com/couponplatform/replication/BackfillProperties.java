package com.couponplatform.replication;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the backfill copies OLD's history ({@code COUPON_MIGRATION_BACKFILL_*},
 * docs/configuration.md).
 */
@ConfigurationProperties("coupon.migration.backfill")
public class BackfillProperties {

	/** How many ranges each of users and use-log rows is cut into. */
	private int ranges = 4;

	/** How many ranges one worker copies at once. */
	private int threads = 2;

	/**
	 * The most legacy rows per second the backfill copies, all threads together (0: no
	 * limit).
	 */
	private int rowsPerSecond = 20_000;

	/**
	 * The backfill pauses while the oldest change not yet applied to NEW is older than
	 * this: the applier, which serves live writes, comes first.
	 */
	private Duration maxLag = Duration.ofSeconds(10);

	/** Users (or use-log rows, codes: ten times as many) per checkpoint. */
	private int batchSize = 100;

	public int getRanges() {
		return this.ranges;
	}

	public void setRanges(int ranges) {
		this.ranges = ranges;
	}

	public int getThreads() {
		return this.threads;
	}

	public void setThreads(int threads) {
		this.threads = threads;
	}

	public int getRowsPerSecond() {
		return this.rowsPerSecond;
	}

	public void setRowsPerSecond(int rowsPerSecond) {
		this.rowsPerSecond = rowsPerSecond;
	}

	public Duration getMaxLag() {
		return this.maxLag;
	}

	public void setMaxLag(Duration maxLag) {
		this.maxLag = maxLag;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

}
