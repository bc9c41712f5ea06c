package com.couponplatform.sharding;

/**
 * Where one sharding key lives: the shard database index and the physical table index.
 *
 * @param database index of the shard database, {@code 0 … N-1}
 * @param table index of the physical table inside it, {@code 0 … M-1}
 */
public record ShardLocation(int database, int table) {

	/**
	 * The logical data source name that ShardingSphere and the health endpoint use for
	 * the database.
	 * @return {@code ds_<database>}
	 */
	public String dataSourceName() {
		return ShardRouter.dataSourceName(this.database);
	}

	/**
	 * The physical table name for a logical sharded table.
	 * @param logicalTable the logical table, for example {@code user_coupon}
	 * @return {@code <logicalTable>_<table>}
	 */
	public String physicalTable(String logicalTable) {
		return logicalTable + "_" + this.table;
	}

}
