package com.couponplatform.gateway;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway's record of each legacy row it writes ({@code t_coupon_migration_journal}),
 * in the write's own transaction, from STATIC_FROZEN on: the single-writer proof explains
 * every change of OLD's coupon tables by it, so a change it cannot explain was made by
 * another writer.
 */
final class OldJournal {

	private final JdbcClient sql;

	private final long epoch;

	OldJournal(JdbcClient sql, long epoch) {
		this.sql = sql;
		this.epoch = epoch;
	}

	/**
	 * @param table the legacy table written
	 * @param key the row's key (its ID, or the code)
	 */
	void wrote(String table, Object key) {
		this.sql
			.sql("INSERT INTO t_coupon_migration_journal (table_name, row_key, epoch, written_at) "
					+ "VALUES (?, ?, ?, NOW(3))")
			.params(table, String.valueOf(key), this.epoch)
			.update();
	}

}
