package com.couponplatform.time;

import java.time.Clock;
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
		return Clock.systemUTC();
	}

	@Bean
	BusinessTime businessTime(@Value("${coupon.business.time-zone:UTC}") String zone) {
		return new BusinessTime(ZoneId.of(zone));
	}

}
