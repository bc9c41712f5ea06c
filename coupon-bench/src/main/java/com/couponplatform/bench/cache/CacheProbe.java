package com.couponplatform.bench.cache;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Counts what a warm read costs outside the JVM (Redis commands from INFO commandstats,
 * source loads) and measures how long a change takes to reach another instance, from
 * {@code changed()} on one to the first read of the new version on the other.
 *
 * <p>
 * usage: java … CacheProbe [warmReads] [changes]
 */
public final class CacheProbe {

	private CacheProbe() {
	}

	public static void main(String[] args) throws Exception {
		int warmReads = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int changes = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		String prefix = "bench-" + System.nanoTime() + ":";
		Map<Long, String> source = BenchRedis.source();
		AtomicLong loads = new AtomicLong();
		try (BenchRedis writer = new BenchRedis(prefix, source, loads);
				BenchRedis reader = new BenchRedis(prefix, source, loads)) {
			source.put(1L, "1:v1");
			reader.cache.get(1);
			long loadsBefore = loads.get();
			long commandsBefore = totalCommands(reader.client);
			for (int i = 0; i < warmReads; i++) {
				reader.cache.get(1);
			}
			// Each reading is an EVAL running INFO: two commands, counted by the next
			// reading.
			long commands = totalCommands(reader.client) - commandsBefore - 2;
			System.out.printf("warm reads: %,d; source loads during them: %d; Redis commands during them: %d%n",
					warmReads, loads.get() - loadsBefore, commands);

			Histogram propagation = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
			for (int version = 2; version < changes + 2; version++) {
				String value = version + ":v" + version;
				source.put(1L, value);
				long start = System.nanoTime();
				writer.cache.changed(1, value);
				while (!reader.cache.get(1).map(value::equals).orElse(false)) {
					Thread.onSpinWait();
				}
				propagation.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
			}
			System.out.printf("invalidation propagation over %d changes (µs): p50 %d, p99 %d, max %d%n", changes,
					propagation.getValueAtPercentile(50), propagation.getValueAtPercentile(99),
					propagation.getMaxValue());
		}
	}

	private static long totalCommands(RedissonClient client) {
		Map<String, String> stats = client.getScript(StringCodec.INSTANCE)
			.eval(org.redisson.api.RScript.Mode.READ_ONLY, "return redis.call('INFO', 'stats')",
					org.redisson.api.RScript.ReturnType.VALUE)
			.toString()
			.lines()
			.filter((line) -> line.startsWith("total_commands_processed:"))
			.collect(java.util.stream.Collectors.toMap((line) -> "total",
					(line) -> line.substring(line.indexOf(':') + 1).strip()));
		return Long.parseLong(stats.get("total"));
	}

}
