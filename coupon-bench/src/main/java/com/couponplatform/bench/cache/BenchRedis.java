package com.couponplatform.bench.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import com.couponplatform.cache.CacheCodec;
import com.couponplatform.cache.CacheInvalidations;
import com.couponplatform.cache.CacheSettings;
import com.couponplatform.cache.Caches;
import com.couponplatform.cache.TwoLevelCache;

/**
 * One simulated instance for the cache benchmarks: its own Redisson client, invalidation
 * channel and cache over a shared in-memory source of "version:text" values that counts
 * its loads.
 */
final class BenchRedis implements AutoCloseable {

	static final CacheSettings SETTINGS = new CacheSettings(10_000, Duration.ofSeconds(5), Duration.ofMinutes(10),
			Duration.ofSeconds(30));

	final RedissonClient client;

	final CacheInvalidations channel;

	final TwoLevelCache<String> cache;

	BenchRedis(String keyPrefix, Map<Long, String> source, AtomicLong loads) {
		Config config = new Config();
		config.useSingleServer()
			.setAddress("redis://" + System.getenv().getOrDefault("COUPON_REDIS_HOST", "127.0.0.1") + ":"
					+ System.getenv().getOrDefault("COUPON_REDIS_PORT", "6379"));
		this.client = Redisson.create(config);
		this.channel = new CacheInvalidations(this.client, keyPrefix);
		this.cache = new Caches(this.client, keyPrefix, this.channel, new SimpleMeterRegistry()).create("bench",
				new VersionedText(), (id) -> {
					loads.incrementAndGet();
					return source.get(id);
				}, SETTINGS);
	}

	static Map<Long, String> source() {
		return new ConcurrentHashMap<>();
	}

	@Override
	public void close() {
		this.channel.close();
		this.client.shutdown();
	}

	/** Values are "version:text". */
	static final class VersionedText implements CacheCodec<String> {

		@Override
		public String encode(String value) {
			return value;
		}

		@Override
		public String decode(String text) {
			return text;
		}

		@Override
		public long version(String value) {
			return Long.parseLong(value.substring(0, value.indexOf(':')));
		}

	}

}
