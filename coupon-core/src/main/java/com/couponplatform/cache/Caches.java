package com.couponplatform.cache;

import java.util.function.LongFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;

/**
 * Creates the installation's two-level caches, all sharing one invalidation channel.
 */
public final class Caches {

	private final RedissonClient redis;

	private final String keyPrefix;

	private final CacheInvalidations invalidations;

	private final MeterRegistry registry;

	public Caches(RedissonClient redis, String keyPrefix, CacheInvalidations invalidations, MeterRegistry registry) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.invalidations = invalidations;
		this.registry = registry;
	}

	/**
	 * A new cache, listening for invalidations of its name.
	 * @param <V> the cached value
	 * @param name the cache's name, unique in the installation
	 * @param codec how values travel through Redis
	 * @param loader reads a value from the source of truth, {@code null} when absent
	 * @param settings sizes and lifetimes
	 * @return the cache
	 */
	public <V> TwoLevelCache<V> create(String name, CacheCodec<V> codec, LongFunction<V> loader,
			CacheSettings settings) {
		TwoLevelCache<V> cache = new TwoLevelCache<>(name, this.keyPrefix, this.redis, codec, loader, settings,
				this.invalidations, this.registry);
		this.invalidations.register(cache);
		return cache;
	}

}
