package com.couponplatform.sharding;

/**
 * The shape of the user-sharded storage: {@code databases} shard databases, each holding
 * {@code tables} physical tables per sharded table.
 *
 * @param databases N, the number of shard databases
 * @param tables M, the number of physical tables per sharded table in each database
 */
public record ShardingLayout(int databases, int tables) {

	public ShardingLayout {
		if (databases < 1 || databases > 1024) {
			throw new IllegalArgumentException("sharding databases (N) must be between 1 and 1024, was " + databases);
		}
		if (tables < 1 || tables > 1024) {
			throw new IllegalArgumentException("sharding tables (M) must be between 1 and 1024, was " + tables);
		}
	}

	@Override
	public String toString() {
		return this.databases + " databases x " + this.tables + " tables";
	}

}
