package com.couponplatform.bench.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm read of the two-level cache (an L1 hit) against its baseline, a
 * {@link ConcurrentHashMap} lookup of the same value: what the cache adds on top of the
 * cheapest possible in-memory read. Needs Redis ({@code COUPON_REDIS_HOST}/{@code _PORT})
 * for the set-up only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WarmReadBenchmark {

	private final Map<Long, String> map = new ConcurrentHashMap<>();

	private BenchRedis instance;

	@Setup(Level.Trial)
	public void warm() {
		Map<Long, String> source = BenchRedis.source();
		source.put(42L, "1:template");
		this.map.put(42L, "1:template");
		this.instance = new BenchRedis("bench-" + System.nanoTime() + ":", source, new AtomicLong());
		this.instance.cache.get(42);
	}

	@TearDown(Level.Trial)
	public void close() {
		this.instance.close();
	}

	@Benchmark
	public Object baselineConcurrentHashMap() {
		return this.map.get(42L);
	}

	@Benchmark
	public Object twoLevelCacheWarmRead() {
		return this.instance.cache.get(42);
	}

}
