package com.couponplatform.sharding;

import java.time.Clock;

/**
 * Opens the physical pools of a test installation (schema applied), for tests outside
 * this package.
 */
public final class TestShardDataSources {

	private TestShardDataSources() {
	}

	/**
	 * The circuits of a test's pools, as the application's beans would see them.
	 */
	public static ShardAvailability availability(ShardDataSources pools, ShardingProperties sharding) {
		return new ShardAvailability(pools, new ShardRouter(sharding.layout()));
	}

	/**
	 * Opens a database's circuit as the prober would when it stops answering.
	 */
	public static void open(ShardDataSources pools, String name) {
		pools.guarded()
			.stream()
			.filter((pool) -> pool.getPoolName().equals(name))
			.findFirst()
			.orElseThrow()
			.circuit()
			.open("test: " + name + " does not answer");
	}

	public static ShardDataSources create(DatabaseProperties database, ShardingProperties sharding, Clock clock) {
		return new ShardingDataSourceConfiguration().shardDataSources(database, sharding, clock);
	}

}
