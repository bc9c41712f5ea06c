package com.couponplatform.claim;

import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.redis.RedisProperties;

/**
 * The claim's Redis gate, its batched confirmations and its meters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClaimProperties.class)
class ClaimConfiguration {

	@Bean
	StockGate stockGate(RedissonClient redis, RedisProperties properties) {
		return new StockGate(redis, properties.getKeyPrefix());
	}

	@Bean
	PendingConfirmations pendingConfirmations(StockGate gate) {
		return new PendingConfirmations(gate);
	}

	@Bean
	ClaimMetrics claimMetrics(MeterRegistry registry) {
		return new ClaimMetrics(registry);
	}

}
