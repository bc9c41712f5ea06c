package com.couponplatform.api.claim;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.couponplatform.api.web.RateLimitedException;

/**
 * A token bucket per user on the claim endpoints, so that one client hammering the button
 * (or a script) is turned away with 429 before it costs a Redis call.
 *
 * <p>
 * The buckets live in this instance: behind a load balancer that spreads one user over K
 * instances the effective rate is up to K times the configured one. That is the intended
 * trade: a shared limiter would cost every claim a second Redis round trip, and the
 * per-user limit and unique keys already bound what a user can get.
 */
@Component
@EnableConfigurationProperties(ClaimRateLimiter.Settings.class)
class ClaimRateLimiter {

	private final Settings settings;

	private final Cache<Long, Bucket> buckets;

	ClaimRateLimiter(Settings settings) {
		this.settings = settings;
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(Duration.ofMinutes(5))
			.maximumSize(settings.getMaxUsers())
			.build();
	}

	/**
	 * Takes one claim call from the user's bucket.
	 * @param userId the acting user
	 * @throws RateLimitedException when the bucket is empty, with the seconds to wait
	 */
	void acquire(long userId) {
		if (this.settings.getPerSecond() <= 0) {
			return;
		}
		long waitNanos = this.buckets.get(userId, (id) -> new Bucket(this.settings.getBurst()))
			.take(System.nanoTime(), this.settings.getPerSecond(), this.settings.getBurst());
		if (waitNanos > 0) {
			throw new RateLimitedException(Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
		}
	}

	/** Tokens refill continuously at the rate, up to the burst. */
	private static final class Bucket {

		private double tokens;

		private long refilledAt = System.nanoTime();

		Bucket(int burst) {
			this.tokens = burst;
		}

		/**
		 * @return 0 when a token was taken, else nanoseconds until one is there
		 */
		synchronized long take(long now, double perSecond, int burst) {
			this.tokens = Math.min(burst,
					this.tokens + (now - this.refilledAt) * perSecond / TimeUnit.SECONDS.toNanos(1));
			this.refilledAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return (long) ((1 - this.tokens) / perSecond * TimeUnit.SECONDS.toNanos(1));
		}

	}

	/**
	 * {@code coupon.api.claim-rate.*}: claim calls per user and second, and the burst a
	 * user may spend at once; a rate of 0 turns the limiter off.
	 */
	@ConfigurationProperties("coupon.api.claim-rate")
	static class Settings {

		private double perSecond = 5;

		private int burst = 10;

		private long maxUsers = 1_000_000;

		public double getPerSecond() {
			return this.perSecond;
		}

		public void setPerSecond(double perSecond) {
			this.perSecond = perSecond;
		}

		public int getBurst() {
			return this.burst;
		}

		public void setBurst(int burst) {
			this.burst = burst;
		}

		public long getMaxUsers() {
			return this.maxUsers;
		}

		public void setMaxUsers(long maxUsers) {
			this.maxUsers = maxUsers;
		}

	}

}
