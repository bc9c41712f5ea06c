package com.couponplatform.targeting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where user tags come from: always the local store; additionally a remote tag service
 * when {@code coupon.tags.remote-url} is set ({@code COUPON_TAGS_REMOTE_URL}).
 */
@ConfigurationProperties("coupon.tags")
public class TagsProperties {

	/**
	 * Base URL of the remote tag service: {@code GET <url>/users/{userId}/tags} → JSON
	 * array.
	 */
	private String remoteUrl;

	/** How long a claim waits for the remote service. */
	private Duration timeout = Duration.ofMillis(300);

	/** Share of failed calls, in percent, that opens the circuit. */
	private int failureRateThreshold = 50;

	/** Calls the failure rate is computed over. */
	private int slidingWindowSize = 10;

	/** How long the circuit stays open before trying the service again. */
	private Duration openDuration = Duration.ofSeconds(10);

	public String getRemoteUrl() {
		return this.remoteUrl;
	}

	public void setRemoteUrl(String remoteUrl) {
		this.remoteUrl = remoteUrl;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public int getFailureRateThreshold() {
		return this.failureRateThreshold;
	}

	public void setFailureRateThreshold(int failureRateThreshold) {
		this.failureRateThreshold = failureRateThreshold;
	}

	public int getSlidingWindowSize() {
		return this.slidingWindowSize;
	}

	public void setSlidingWindowSize(int slidingWindowSize) {
		this.slidingWindowSize = slidingWindowSize;
	}

	public Duration getOpenDuration() {
		return this.openDuration;
	}

	public void setOpenDuration(Duration openDuration) {
		this.openDuration = openDuration;
	}

}
