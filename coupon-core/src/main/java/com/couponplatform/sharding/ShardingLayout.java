package com.couponplatform.sharding;

import java.util.ArrayList;
import java.util.List;

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

	/**
	 * Every physical table's place, database by database, for the jobs that walk a
	 * sharded table whole.
	 * @return N x M locations, in database then table order
	 */
	public List<ShardLocation> locations() {
		List<ShardLocation> all = new ArrayList<>(this.databases * this.tables);
		for (int database = 0; database < this.databases; database++) {
			for (int table = 0; table < this.tables; table++) {
				all.add(new ShardLocation(database, table));
			}
		}
		return all;
	}

	@Override
	public String toString() {
		return this.databases + " databases x " + this.tables + " tables";
	}

}
