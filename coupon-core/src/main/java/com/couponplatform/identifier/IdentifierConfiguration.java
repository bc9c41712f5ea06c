package com.couponplatform.identifier;

import java.time.Clock;
import java.time.Duration;

import org.redisson.api.RedissonClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.redis.RedisProperties;

/**
 * Wires the snowflake generator to a worker ID leased in Redis.
 */
@Configuration(proxyBeanMethods = false)
public class IdentifierConfiguration {

	@Bean(destroyMethod = "close")
	WorkerIdLease workerIdLease(RedissonClient redisson, RedisProperties redis) {
		return new WorkerIdLease(redisson, redis.getKeyPrefix(), Duration.ofSeconds(30));
	}

	@Bean
	IdGenerator idGenerator(Clock clock, WorkerIdLease lease) {
		return new SnowflakeIdGenerator(clock, lease::workerId);
	}

}
