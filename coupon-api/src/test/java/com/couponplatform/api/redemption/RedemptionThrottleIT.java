package com.couponplatform.api.redemption;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import com.couponplatform.api.web.RateLimitedException;
import com.couponplatform.redis.RedisProperties;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The redemption throttle's scripts on the real Redis: per-user and per-address limits,
 * the window's end, and what happens when Redis is gone.
 */
@RealServices
class RedemptionThrottleIT {

	private final RedissonClient redis = redisson();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RedemptionThrottle throttle = throttle(3, 5, Duration.ofSeconds(2));

	@AfterEach
	void close() {
		if (!this.redis.isShutdown()) {
			this.redis.shutdown();
		}
	}

	@Test
	void turnsAwayAUserAndThenAnAddressAtTheirLimitsUntilTheWindowEnds() throws InterruptedException {
		this.throttle.check(1, "203.0.113.1");
		for (int i = 0; i < 3; i++) {
			this.throttle.failed(1, "203.0.113.1");
		}
		RateLimitedException user = catchThrowableOfType(RateLimitedException.class,
				() -> this.throttle.check(1, "203.0.113.1"));
		assertThat(user).isNotNull();
		assertThat(user.retryAfterSeconds()).isBetween(1L, 2L);
		// The same user from elsewhere is still the same user.
		assertThat(catchThrowableOfType(RateLimitedException.class, () -> this.throttle.check(1, "203.0.113.2")))
			.isNotNull();

		// Another user at the same address: two more failures reach the address's five.
		this.throttle.check(2, "203.0.113.1");
		this.throttle.failed(2, "203.0.113.1");
		this.throttle.check(2, "203.0.113.1");
		this.throttle.failed(2, "203.0.113.1");
		assertThat(catchThrowableOfType(RateLimitedException.class, () -> this.throttle.check(2, "203.0.113.1")))
			.isNotNull();
		assertThatCode(() -> this.throttle.check(2, "203.0.113.9")).doesNotThrowAnyException();
		assertThat(this.registry.counter("coupon.redemption.throttled").count()).isEqualTo(3);

		Thread.sleep(2_100);
		assertThatCode(() -> this.throttle.check(1, "203.0.113.1")).doesNotThrowAnyException();
		assertThatCode(() -> this.throttle.check(2, "203.0.113.1")).doesNotThrowAnyException();
	}

	@Test
	void letsRedemptionsThroughWhenRedisIsGoneAndCountsThem() {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed(7, "203.0.113.7");
		}
		assertThat(catchThrowableOfType(RateLimitedException.class, () -> this.throttle.check(7, "203.0.113.7")))
			.isNotNull();

		this.redis.shutdown();
		assertThatCode(() -> this.throttle.check(7, "203.0.113.7")).doesNotThrowAnyException();
		assertThatCode(() -> this.throttle.failed(7, "203.0.113.7")).doesNotThrowAnyException();
		assertThat(this.registry.counter("coupon.redemption.throttle.unavailable").count()).isEqualTo(2);
	}

	private RedemptionThrottle throttle(int userFailures, int addressFailures, Duration window) {
		RedemptionThrottle.Settings settings = new RedemptionThrottle.Settings();
		settings.setUserFailures(userFailures);
		settings.setAddressFailures(addressFailures);
		settings.setWindow(window);
		RedisProperties properties = new RedisProperties();
		// Keys of this test alone.
		properties.setKeyPrefix(TestServices.uniquePrefix() + ":");
		return new RedemptionThrottle(this.redis, settings, properties, this.registry);
	}

	private static RedissonClient redisson() {
		Config config = new Config();
		config.useSingleServer().setAddress("redis://" + TestServices.redisHost() + ":" + TestServices.redisPort());
		return Redisson.create(config);
	}

}
