package com.couponplatform.sharding;

import java.time.Clock;

/**
 * Opens the physical pools of a test installation (schema applied), for tests outside
 * this package.
 */
public final class TestShardDataSources {

	private TestShardDataSources() {
	}

	public static ShardDataSources create(DatabaseProperties database, ShardingProperties sharding, Clock clock) {
		return new ShardingDataSourceConfiguration().shardDataSources(database, sharding, clock);
	}

}
