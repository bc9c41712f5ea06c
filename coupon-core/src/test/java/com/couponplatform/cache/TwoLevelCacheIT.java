package com.couponplatform.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-level cache against a real Redis: two "instances" are two Redisson clients with
 * caches of their own, sharing only Redis, as two processes would.
 */
@RealServices
class TwoLevelCacheIT {

	private static final CacheSettings SETTINGS = new CacheSettings(100, Duration.ofSeconds(30), Duration.ofMinutes(1),
			Duration.ofSeconds(30));

	private final String prefix = TestServices.uniquePrefix() + ":";

	/** The source of truth: id to "version:text". */
	private final Map<Long, String> source = new ConcurrentHashMap<>();

	private final AtomicInteger loads = new AtomicInteger();

	private final List<RedissonClient> clients = new ArrayList<>();

	private final List<CacheInvalidations> channels = new ArrayList<>();

	@AfterEach
	void shutdown() {
		this.channels.forEach(CacheInvalidations::close);
		this.clients.forEach(RedissonClient::shutdown);
	}

	@Test
	void loadsAColdKeyOnceForAThousandConcurrentReaders() throws Exception {
		this.source.put(1L, "1:one");
		TwoLevelCache<String> cache = instance(TestServices.redisPort(), 50);
		ExecutorService pool = Executors.newFixedThreadPool(64);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Optional<String>>> reads = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			reads.add(pool.submit(() -> {
				start.await();
				return cache.get(1);
			}));
		}
		start.countDown();
		for (Future<Optional<String>> read : reads) {
			assertThat(read.get(30, TimeUnit.SECONDS)).contains("1:one");
		}
		pool.shutdown();
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void remembersUnknownIdsWithoutAskingTheSourceAgain() {
		TwoLevelCache<String> first = instance(TestServices.redisPort(), 0);
		TwoLevelCache<String> second = instance(TestServices.redisPort(), 0);
		for (int i = 0; i < 100; i++) {
			assertThat(first.get(404)).isEmpty();
			assertThat(second.get(404)).isEmpty();
		}
		assertThat(this.loads).hasValue(1);
		this.source.put(404L, "1:now there");
		first.changed(404, "1:now there");
		assertThat(first.get(404)).contains("1:now there");
	}

	@Test
	void servesAChangeMadeOnOneInstanceFromTheOther() throws Exception {
		this.source.put(7L, "1:old");
		TwoLevelCache<String> writer = instance(TestServices.redisPort(), 0);
		TwoLevelCache<String> reader = instance(TestServices.redisPort(), 0);
		assertThat(reader.get(7)).contains("1:old");
		assertThat(writer.get(7)).contains("1:old");
		int loadsBefore = this.loads.get();

		this.source.put(7L, "2:new");
		writer.changed(7, "2:new");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!reader.get(7).equals(Optional.of("2:new")) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(reader.get(7)).contains("2:new");
		// The reader took the new version from Redis, not from the source.
		assertThat(this.loads).hasValue(loadsBefore);
	}

	@Test
	void neverLetsAnOlderVersionReplaceANewerOneInRedis() {
		TwoLevelCache<String> newer = instance(TestServices.redisPort(), 0);
		TwoLevelCache<String> slow = instance(TestServices.redisPort(), 0);
		newer.changed(9, "3:third");
		slow.changed(9, "2:second");
		TwoLevelCache<String> late = instance(TestServices.redisPort(), 0);
		assertThat(late.get(9)).contains("3:third");
		assertThat(this.loads).hasValue(0);
	}

	@Test
	void withoutL1EveryReadIsServedByRedisAndTheSourceIsLoadedOnce() {
		this.source.put(6L, "1:six");
		CacheSettings noLocal = new CacheSettings(0, SETTINGS.localTimeToLive(), SETTINGS.sharedTimeToLive(),
				SETTINGS.absentTimeToLive());
		TwoLevelCache<String> cache = instance(TestServices.redisPort(), 0, noLocal);
		for (int i = 0; i < 50; i++) {
			assertThat(cache.get(6)).contains("1:six");
		}
		assertThat(this.loads).hasValue(1);
		assertThat(cache.localSize()).isZero();
		// Nothing local to invalidate: a change another instance wrote to Redis is read
		// at
		// once, even before its message arrives.
		this.source.put(6L, "2:six changed");
		instance(TestServices.redisPort(), 0).changed(6, "2:six changed");
		assertThat(cache.get(6)).contains("2:six changed");
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void countsEveryReadAndTheLevelsThatCouldNotAnswerIt() {
		this.source.put(3L, "1:three");
		MeterRegistry firstMeters = new SimpleMeterRegistry();
		MeterRegistry secondMeters = new SimpleMeterRegistry();
		TwoLevelCache<String> first = instance(TestServices.redisPort(), 0, SETTINGS, firstMeters);
		TwoLevelCache<String> second = instance(TestServices.redisPort(), 0, SETTINGS, secondMeters);
		// first: the database, then L1 twice; second: Redis (first stored it), then L1.
		for (int i = 0; i < 3; i++) {
			assertThat(first.get(3)).contains("1:three");
		}
		assertThat(second.get(3)).contains("1:three");
		assertThat(second.get(3)).contains("1:three");
		assertThat(firstMeters.get("coupon.cache.requests").tag("cache", "test").counter().count()).isEqualTo(3);
		assertThat(misses(firstMeters, "local")).isEqualTo(1);
		assertThat(misses(firstMeters, "shared")).isEqualTo(1);
		assertThat(secondMeters.get("coupon.cache.requests").tag("cache", "test").counter().count()).isEqualTo(2);
		assertThat(misses(secondMeters, "local")).isEqualTo(1);
		assertThat(misses(secondMeters, "shared")).isZero();
		assertThat(this.loads).hasValue(1);
	}

	private static double misses(MeterRegistry meters, String level) {
		return meters.get("coupon.cache.misses").tag("cache", "test").tag("level", level).counter().count();
	}

	@Test
	void keepsServingFromTheSourceWhenRedisIsUnreachable() {
		this.source.put(5L, "1:five");
		TwoLevelCache<String> cache = instance(1, 0);
		assertThat(cache.get(5)).contains("1:five");
		assertThat(cache.get(5)).contains("1:five");
		assertThat(this.loads).hasValue(1);
	}

	/**
	 * One instance: its own Redisson client for the cache (on the given port) and for the
	 * invalidation channel (always the real Redis).
	 */
	private TwoLevelCache<String> instance(int redisPort, long loadMillis) {
		return instance(redisPort, loadMillis, SETTINGS);
	}

	private TwoLevelCache<String> instance(int redisPort, long loadMillis, CacheSettings settings) {
		return instance(redisPort, loadMillis, settings, new SimpleMeterRegistry());
	}

	private TwoLevelCache<String> instance(int redisPort, long loadMillis, CacheSettings settings,
			MeterRegistry meters) {
		RedissonClient cacheClient = client(redisPort);
		RedissonClient channelClient = (redisPort == TestServices.redisPort()) ? cacheClient
				: client(TestServices.redisPort());
		CacheInvalidations channel = new CacheInvalidations(channelClient, this.prefix);
		this.channels.add(channel);
		return new Caches(cacheClient, this.prefix, channel, meters).create("test", new VersionedText(),
				(id) -> load(id, loadMillis), settings);
	}

	private RedissonClient client(int port) {
		Config config = new Config();
		config.setLazyInitialization(true);
		config.useSingleServer()
			.setAddress("redis://" + TestServices.redisHost() + ":" + port)
			.setConnectTimeout(500)
			.setTimeout(500)
			.setRetryAttempts(0);
		RedissonClient client = Redisson.create(config);
		this.clients.add(client);
		return client;
	}

	private String load(long id, long loadMillis) {
		this.loads.incrementAndGet();
		try {
			Thread.sleep(loadMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.source.get(id);
	}

	/** Values are "version:text". */
	private static final class VersionedText implements CacheCodec<String> {

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
