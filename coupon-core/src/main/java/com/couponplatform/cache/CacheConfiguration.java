package com.couponplatform.cache;

import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.redis.RedisProperties;

/**
 * One invalidation channel per installation (under its Redis key prefix) and the cache
 * factory.
 */
@Configuration(proxyBeanMethods = false)
public class CacheConfiguration {

	@Bean(destroyMethod = "close")
	CacheInvalidations cacheInvalidations(RedissonClient redis, RedisProperties properties) {
		return new CacheInvalidations(redis, properties.getKeyPrefix());
	}

	@Bean
	Caches caches(RedissonClient redis, RedisProperties properties, CacheInvalidations invalidations,
			MeterRegistry registry) {
		return new Caches(redis, properties.getKeyPrefix(), invalidations, registry);
	}

}
