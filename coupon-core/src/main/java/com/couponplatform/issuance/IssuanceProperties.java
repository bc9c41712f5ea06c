package com.couponplatform.issuance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coupon.issuance.*}: whether this process runs issuance jobs, and the pipeline's
 * sizes.
 */
@ConfigurationProperties("coupon.issuance")
public class IssuanceProperties {

	/** Run the publisher and the writers in this process (coupon-admin does). */
	private boolean enabled = true;

	/** Targets the publisher reads from the database at a time. */
	private int readLimit = 5_000;

	/**
	 * The largest message the publisher sends, in bytes of JSON (about 1,500 users at the
	 * default).
	 */
	private int payloadBytes = 64 * 1024;

	/** Messages sent and not yet acknowledged by the broker, at most. */
	private int maxInFlight = 16;

	/** Chunks this process writes at once (writer threads). */
	private int consumerThreads = 4;

	/**
	 * Test hook: send every message twice, so that tests see each chunk delivered twice.
	 * Never set in production.
	 */
	private boolean sendTwice;

	/** How often the publisher looks for work. */
	private Duration pollInterval = Duration.ofSeconds(1);

	/** Targets written to the database per statement at intake. */
	private int intakeBatch = 1_000;

	/** The most user IDs a JSON request may list (larger lists come as a CSV upload). */
	private int maxJsonUsers = 100_000;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getReadLimit() {
		return this.readLimit;
	}

	public void setReadLimit(int readLimit) {
		this.readLimit = readLimit;
	}

	public int getPayloadBytes() {
		return this.payloadBytes;
	}

	public void setPayloadBytes(int payloadBytes) {
		this.payloadBytes = payloadBytes;
	}

	public int getMaxInFlight() {
		return this.maxInFlight;
	}

	public void setMaxInFlight(int maxInFlight) {
		this.maxInFlight = maxInFlight;
	}

	public int getConsumerThreads() {
		return this.consumerThreads;
	}

	public void setConsumerThreads(int consumerThreads) {
		this.consumerThreads = consumerThreads;
	}

	public boolean isSendTwice() {
		return this.sendTwice;
	}

	public void setSendTwice(boolean sendTwice) {
		this.sendTwice = sendTwice;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public int getIntakeBatch() {
		return this.intakeBatch;
	}

	public void setIntakeBatch(int intakeBatch) {
		this.intakeBatch = intakeBatch;
	}

	public int getMaxJsonUsers() {
		return this.maxJsonUsers;
	}

	public void setMaxJsonUsers(int maxJsonUsers) {
		this.maxJsonUsers = maxJsonUsers;
	}

}
