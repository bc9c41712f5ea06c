package com.couponplatform.claim;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.gateway.stock.StockGate;

/**
 * The claim's batched confirmations and its meters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClaimProperties.class)
class ClaimConfiguration {

	@Bean
	PendingConfirmations pendingConfirmations(StockGate gate) {
		return new PendingConfirmations(gate);
	}

	@Bean
	ClaimMetrics claimMetrics(MeterRegistry registry) {
		return new ClaimMetrics(registry);
	}

}
