package com.couponplatform.replication;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How verification runs compare ({@code COUPON_MIGRATION_VERIFY_*},
 * docs/configuration.md).
 */
@ConfigurationProperties("coupon.migration.verify")
public class VerificationProperties {

	/**
	 * How long a suspected difference waits before it is compared again: longer than the
	 * replication's lag, so a change in flight has reached NEW by then.
	 */
	private Duration recheckDelay = Duration.ofSeconds(5);

	/** Users per page (use-log rows and codes: ten times as many). */
	private int pageSize = 100;

	/** The most rows per second a run compares (0: no limit). */
	private int rowsPerSecond = 50_000;

	public Duration getRecheckDelay() {
		return this.recheckDelay;
	}

	public void setRecheckDelay(Duration recheckDelay) {
		this.recheckDelay = recheckDelay;
	}

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public int getRowsPerSecond() {
		return this.rowsPerSecond;
	}

	public void setRowsPerSecond(int rowsPerSecond) {
		this.rowsPerSecond = rowsPerSecond;
	}

}
