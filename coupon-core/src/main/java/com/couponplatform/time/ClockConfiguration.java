package com.couponplatform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every use case reads, so that tests can move time instead of sleeping,
 * and the business time zone in which date-only admin input is read.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		// Milliseconds, the precision instants are stored with: what a creation answers
		// is then exactly what a later read returns.
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

	@Bean
	BusinessTime businessTime(@Value("${coupon.business.time-zone:UTC}") String zone) {
		return new BusinessTime(ZoneId.of(zone));
	}

}
