package com.couponplatform.bench.routing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingLayout;

/**
 * {@link ShardRouter#locateUser} against its baseline, a bare CRC32 of the same decimal
 * string: the ratio shows what the routing adds on top of the hash every request pays
 * anyway.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {

	private final ShardRouter router = new ShardRouter(new ShardingLayout(2, 8));

	private long userId = 1_000_000_000L;

	@Benchmark
	public long baselineCrc32() {
		CRC32 crc = new CRC32();
		crc.update(Long.toString(this.userId++).getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

	@Benchmark
	public ShardLocation locateUser() {
		return this.router.locateUser(this.userId++);
	}

}
