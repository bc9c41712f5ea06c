package com.couponplatform.api.redemption;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.couponplatform.api.web.RateLimitedException;
import com.couponplatform.redis.LuaScript;
import com.couponplatform.redis.RedisProperties;

/**
 * Turns away a user, or a client address, that failed too many redemptions lately — the
 * guesser of codes — with 429 and the seconds until its window ends. Only failures count
 * (a fixed window that starts with the first one), so honest users who redeem what they
 * were given are never slowed. The counters live in Redis, so every instance sees the
 * same ones; both keys share a hash tag, so one script reads or moves both (Redis
 * Cluster).
 *
 * <p>
 * When Redis cannot be reached the throttle lets requests through (counted in
 * {@code coupon.redemption.throttle.unavailable}): refusing every redemption during an
 * outage would punish every user for what a guesser might do, and the check character,
 * the codes' sparseness and the uniform refusal still stand.
 */
@Component
@EnableConfigurationProperties(RedemptionThrottle.Settings.class)
class RedemptionThrottle {

	private static final Logger logger = LoggerFactory.getLogger(RedemptionThrottle.class);

	/** The milliseconds until the first key at or over its limit frees, or 0. */
	private static final LuaScript CHECK = new LuaScript("""
			local wait = 0
			for i = 1, 2 do
			  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
			  if count >= tonumber(ARGV[i]) then
			    local ttl = redis.call('PTTL', KEYS[i])
			    if ttl < 0 then ttl = 1000 end
			    if ttl > wait then wait = ttl end
			  end
			end
			return wait
			""", RScript.ReturnType.INTEGER);

	/** Counts one failure on both keys; a key's window starts with its first failure. */
	private static final LuaScript FAIL = new LuaScript("""
			for i = 1, 2 do
			  if redis.call('INCR', KEYS[i]) == 1 then
			    redis.call('PEXPIRE', KEYS[i], ARGV[1])
			  end
			end
			return 0
			""", RScript.ReturnType.INTEGER);

	private final RedissonClient redis;

	private final Settings settings;

	private final String prefix;

	private final Counter unavailable;

	private final Counter throttled;

	RedemptionThrottle(RedissonClient redis, Settings settings, RedisProperties redisProperties,
			MeterRegistry registry) {
		this.redis = redis;
		this.settings = settings;
		this.prefix = redisProperties.getKeyPrefix() + "{redeem-fail}:";
		this.unavailable = Counter.builder("coupon.redemption.throttle.unavailable")
			.description("Redemptions let through unthrottled because Redis could not be reached")
			.register(registry);
		this.throttled = Counter.builder("coupon.redemption.throttled")
			.description("Redemptions refused with 429 after too many failures")
			.register(registry);
	}

	/**
	 * Refuses a caller that is over a limit.
	 * @param userId the acting user
	 * @param address the client's address
	 * @throws RateLimitedException with the seconds to wait
	 */
	void check(long userId, String address) {
		Long waitMillis;
		try {
			waitMillis = CHECK.run(this.redis, keys(userId, address), this.settings.getUserFailures(),
					this.settings.getAddressFailures());
		}
		catch (RuntimeException ex) {
			this.unavailable.increment();
			logger.debug("Redemption throttle unavailable: {}", ex.toString());
			return;
		}
		if (waitMillis != null && waitMillis > 0) {
			this.throttled.increment();
			throw new RateLimitedException(Math.max(1, (waitMillis + 999) / 1000));
		}
	}

	/**
	 * Counts a failed redemption against the user and the address.
	 * @param userId the acting user
	 * @param address the client's address
	 */
	void failed(long userId, String address) {
		try {
			FAIL.run(this.redis, keys(userId, address), this.settings.getWindow().toMillis());
		}
		catch (RuntimeException ex) {
			this.unavailable.increment();
			logger.debug("Redemption throttle unavailable: {}", ex.toString());
		}
	}

	private List<Object> keys(long userId, String address) {
		return List.of(this.prefix + "user:" + userId, this.prefix + "address:" + address);
	}

	/**
	 * {@code coupon.api.redemption-throttle.*}: failed redemptions allowed per user and
	 * per client address within a window.
	 */
	@ConfigurationProperties("coupon.api.redemption-throttle")
	static class Settings {

		private int userFailures = 10;

		private int addressFailures = 30;

		private Duration window = Duration.ofMinutes(15);

		public int getUserFailures() {
			return this.userFailures;
		}

		public void setUserFailures(int userFailures) {
			this.userFailures = userFailures;
		}

		public int getAddressFailures() {
			return this.addressFailures;
		}

		public void setAddressFailures(int addressFailures) {
			this.addressFailures = addressFailures;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

}
