package com.couponplatform.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pub/sub channel on which instances tell each other that a cached value changed:
 * {@code <cache>:<id>:<version>}.
 */
public final class CacheInvalidations implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CacheInvalidations.class);

	private final RTopic topic;

	private final Map<String, TwoLevelCache<?>> caches = new ConcurrentHashMap<>();

	private final int listenerId;

	public CacheInvalidations(RedissonClient redis, String keyPrefix) {
		this.topic = redis.getTopic(keyPrefix + "cache-invalidation", StringCodec.INSTANCE);
		this.listenerId = this.topic.addListener(String.class, (channel, message) -> receive(message));
	}

	void register(TwoLevelCache<?> cache) {
		this.caches.put(cache.name(), cache);
	}

	void publish(String cache, long id, long version) {
		try {
			this.topic.publish(cache + ":" + id + ":" + version);
		}
		catch (RuntimeException ex) {
			// Other instances fall back on their short L1 TTL.
			logger.warn("Could not publish the invalidation of {} {}: {}", cache, id, ex.getMessage());
		}
	}

	private void receive(String message) {
		String[] parts = message.split(":");
		if (parts.length != 3) {
			return;
		}
		TwoLevelCache<?> cache = this.caches.get(parts[0]);
		if (cache != null) {
			cache.invalidate(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
		}
	}

	@Override
	public void close() {
		try {
			this.topic.removeListener(this.listenerId);
		}
		catch (RuntimeException ex) {
			// Closing happens at shutdown: a slow or gone Redis must not fail it.
			logger.warn("Could not unsubscribe from cache invalidations: {}", ex.getMessage());
		}
	}

}
