package com.couponplatform.gateway.stock;

import org.redisson.api.RedissonClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.redis.RedisProperties;

/**
 * The claim gate in Redis, under the deployment's key prefix.
 */
@Configuration(proxyBeanMethods = false)
class StockConfiguration {

	@Bean
	StockGate stockGate(RedissonClient redis, RedisProperties properties) {
		return new StockGate(redis, properties.getKeyPrefix());
	}

}
