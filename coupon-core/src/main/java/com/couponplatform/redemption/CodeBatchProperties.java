package com.couponplatform.redemption;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coupon.code-batches.*}: the code generator and imports.
 */
@ConfigurationProperties("coupon.code-batches")
public class CodeBatchProperties {

	/**
	 * Whether this process runs the generator (coupon-admin does; coupon-api does not).
	 */
	private boolean enabled = true;

	/** How often the generator looks for batches to fill. */
	private Duration pollInterval = Duration.ofSeconds(1);

	/** Codes drawn, stored and recorded as progress per step. */
	private int chunk = 10_000;

	/** The largest batch an operator may ask for. */
	private long maxQuantity = 10_000_000;

	/**
	 * How long the list of check-character shapes a redemption tests is kept before it is
	 * read again (a new batch's codes are checked after at most this long).
	 */
	private Duration shapesRefresh = Duration.ofSeconds(10);

	/** How often the job that ends past-due batches runs. */
	private Duration endInterval = Duration.ofMinutes(1);

	/**
	 * How long after a batch's window its unused units are given back: longer than any
	 * redemption transaction that checked the window just before it closed.
	 */
	private Duration endGrace = Duration.ofMinutes(1);

	public Duration getEndInterval() {
		return this.endInterval;
	}

	public void setEndInterval(Duration endInterval) {
		this.endInterval = endInterval;
	}

	public Duration getEndGrace() {
		return this.endGrace;
	}

	public void setEndGrace(Duration endGrace) {
		this.endGrace = endGrace;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public int getChunk() {
		return this.chunk;
	}

	public void setChunk(int chunk) {
		this.chunk = chunk;
	}

	public long getMaxQuantity() {
		return this.maxQuantity;
	}

	public void setMaxQuantity(long maxQuantity) {
		this.maxQuantity = maxQuantity;
	}

	public Duration getShapesRefresh() {
		return this.shapesRefresh;
	}

	public void setShapesRefresh(Duration shapesRefresh) {
		this.shapesRefresh = shapesRefresh;
	}

}
