package com.couponplatform.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-through cache of values by numeric ID: a bounded Caffeine L1 per instance, a
 * Redis L2 shared by all instances, and the database behind them.
 *
 * <ul>
 * <li>Single flight: concurrent misses of one key in an instance share one load.</li>
 * <li>Null caching: an unknown ID is remembered as absent (briefly), so a flood of bad
 * IDs does not reach the database.</li>
 * <li>Coherence: a change is written to L2 with its version by {@link #changed}; L2 only
 * ever moves to a newer version (a slow reader cannot put an old value back), and every
 * instance is told over pub/sub to drop older L1 copies. The short L1 TTL bounds
 * staleness should a message be lost.</li>
 * <li>Redis failures degrade to L1 and the database; they never fail a read.</li>
 * <li>Meters: {@code coupon.cache.requests{cache}} counts reads, and
 * {@code coupon.cache.misses{cache,level}} those L1 ({@code level=local}) and then also
 * Redis ({@code level=shared}) could not answer, so hit ratios are one division.</li>
 * </ul>
 *
 * @param <V> the cached value
 */
public final class TwoLevelCache<V> {

	private static final Logger logger = LoggerFactory.getLogger(TwoLevelCache.class);

	/** Stores "version|payload" unless Redis already holds a newer version. */
	private static final String SET_IF_NEWER = """
			local current = redis.call('GET', KEYS[1])
			if current then
			  local version = tonumber(string.match(current, '^(%d+)|'))
			  if version and version > tonumber(ARGV[1]) then return 0 end
			end
			redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[3])
			return 1
			""";

	private static final String ABSENT = "";

	private final String name;

	private final String keyPrefix;

	private final RedissonClient redis;

	private final CacheCodec<V> codec;

	private final LongFunction<V> loader;

	private final CacheSettings settings;

	private final Cache<Long, Optional<V>> local;

	private final CacheInvalidations invalidations;

	private final Counter requests;

	private final Counter localMisses;

	private final Counter sharedMisses;

	TwoLevelCache(String name, String keyPrefix, RedissonClient redis, CacheCodec<V> codec, LongFunction<V> loader,
			CacheSettings settings, CacheInvalidations invalidations, MeterRegistry registry) {
		this.name = name;
		this.invalidations = invalidations;
		this.keyPrefix = keyPrefix + "cache:" + name + ":";
		this.redis = redis;
		this.codec = codec;
		this.loader = loader;
		this.settings = settings;
		this.local = Caffeine.newBuilder()
			.maximumSize(settings.localMaximumSize())
			.expireAfterWrite(settings.localTimeToLive())
			.build();
		this.requests = Counter.builder("coupon.cache.requests")
			.description("Reads of a two-level cache")
			.tag("cache", name)
			.register(registry);
		this.localMisses = miss(registry, "local");
		this.sharedMisses = miss(registry, "shared");
	}

	private Counter miss(MeterRegistry registry, String level) {
		return Counter.builder("coupon.cache.misses")
			.description("Reads the level could not answer (shared: they reached the database)")
			.tag("cache", this.name)
			.tag("level", level)
			.register(registry);
	}

	public String name() {
		return this.name;
	}

	/**
	 * The value of an ID, from L1, else L2, else the loader.
	 * @param id the ID
	 * @return the value, or empty when the source has none
	 */
	public Optional<V> get(long id) {
		this.requests.increment();
		return this.local.get(id, this::loadShared);
	}

	/**
	 * Reads the source, bypassing both levels, and refreshes them with what it read.
	 * @param id the ID
	 * @return the value, or empty when the source has none
	 */
	public Optional<V> getFresh(long id) {
		Optional<V> value = Optional.ofNullable(this.loader.apply(id));
		value.ifPresent((present) -> storeShared(id, present));
		this.local.put(id, value);
		return value;
	}

	/**
	 * Publishes a committed change: L2 moves to this version and every instance drops
	 * older L1 copies.
	 * @param id the ID
	 * @param value the value as committed
	 */
	public void changed(long id, V value) {
		storeShared(id, value);
		this.local.put(id, Optional.of(value));
		this.invalidations.publish(this.name, id, this.codec.version(value));
	}

	/**
	 * Drops the L1 copy of an ID unless it is at least the given version; called on
	 * invalidation messages.
	 * @param id the ID
	 * @param version the changed version
	 */
	void invalidate(long id, long version) {
		Optional<V> cached = this.local.getIfPresent(id);
		if (cached != null && (cached.isEmpty() || this.codec.version(cached.get()) < version)) {
			this.local.invalidate(id);
		}
	}

	long localSize() {
		this.local.cleanUp();
		return this.local.estimatedSize();
	}

	private Optional<V> loadShared(long id) {
		this.localMisses.increment();
		String shared = readShared(id);
		if (shared != null) {
			return ABSENT.equals(shared) ? Optional.empty() : Optional.of(this.codec.decode(shared));
		}
		this.sharedMisses.increment();
		Optional<V> loaded = Optional.ofNullable(this.loader.apply(id));
		if (loaded.isPresent()) {
			storeShared(id, loaded.get());
		}
		else {
			storeAbsent(id);
		}
		return loaded;
	}

	private String readShared(long id) {
		try {
			String stored = this.redis.<String>getBucket(this.keyPrefix + id, StringCodec.INSTANCE).get();
			if (stored == null) {
				return null;
			}
			return stored.substring(stored.indexOf('|') + 1);
		}
		catch (RuntimeException ex) {
			logger.warn("Cache {} could not read Redis, reading the database: {}", this.name, ex.getMessage());
			return null;
		}
	}

	private void storeShared(long id, V value) {
		write(id, this.codec.version(value), this.codec.encode(value), this.settings.sharedTimeToLive());
	}

	private void storeAbsent(long id) {
		// Version 0: any real value written later replaces it.
		write(id, 0, ABSENT, this.settings.absentTimeToLive());
	}

	private void write(long id, long version, String payload, Duration ttl) {
		try {
			this.redis.getScript(StringCodec.INSTANCE)
				.eval(RScript.Mode.READ_WRITE, SET_IF_NEWER, RScript.ReturnType.INTEGER, List.of(this.keyPrefix + id),
						Long.toString(version), payload, Long.toString(ttl.toMillis()));
		}
		catch (RuntimeException ex) {
			logger.warn("Cache {} could not write Redis: {}", this.name, ex.getMessage());
		}
	}

}
