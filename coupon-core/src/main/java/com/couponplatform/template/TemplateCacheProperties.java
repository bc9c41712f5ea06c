package com.couponplatform.template;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coupon.cache.template.*}: the template cache's L1 in each instance.
 */
@ConfigurationProperties("coupon.cache.template")
public class TemplateCacheProperties {

	/**
	 * Templates kept in each instance's L1; {@code 0} turns L1 off, so every read goes to
	 * Redis (the benchmark's "without L1" run).
	 */
	private long localMaximumSize = 10_000;

	/** How long an L1 copy lives: the staleness bound should an invalidation be lost. */
	private Duration localTimeToLive = Duration.ofSeconds(5);

	public long getLocalMaximumSize() {
		return this.localMaximumSize;
	}

	public void setLocalMaximumSize(long localMaximumSize) {
		this.localMaximumSize = localMaximumSize;
	}

	public Duration getLocalTimeToLive() {
		return this.localTimeToLive;
	}

	public void setLocalTimeToLive(Duration localTimeToLive) {
		this.localTimeToLive = localTimeToLive;
	}

}
