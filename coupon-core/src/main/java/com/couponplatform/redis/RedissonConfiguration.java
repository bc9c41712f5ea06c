package com.couponplatform.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Redisson client from {@code coupon.redis.*}, tuned for small hosts. Strings by
 * default: Redisson's Kryo codec would make keys unreadable to scripts and operators.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
public class RedissonConfiguration {

	@Bean(destroyMethod = "shutdown")
	RedissonClient redissonClient(RedisProperties redis) {
		Config config = new Config();
		config.setCodec(StringCodec.INSTANCE);
		config.setNettyThreads(redis.getNettyThreads());
		config.setThreads(2);
		config.useSingleServer()
			.setAddress("redis://" + redis.getHost() + ":" + redis.getPort())
			.setPassword(redis.getPassword())
			.setDatabase(redis.getDatabase())
			.setConnectionPoolSize(redis.getConnectionPoolSize())
			.setConnectionMinimumIdleSize(2)
			.setTimeout(redis.getTimeoutMillis())
			.setConnectTimeout(redis.getTimeoutMillis())
			.setRetryAttempts(1);
		return Redisson.create(config);
	}

}
