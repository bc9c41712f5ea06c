package com.couponplatform.replication;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OLD's changes not yet applied to NEW: what the console shows as
 * {@code replication.toNew} ({@code pending} 0 = drained).
 *
 * @param pending changes in OLD's outbox
 * @param lagMillis how long the oldest of them has waited, by OLD's clock (0 when none)
 */
public record Backlog(long pending, long lagMillis) {

	/** Nothing waiting. */
	public static final Backlog NONE = new Backlog(0, 0);

	/**
	 * Reads OLD's outbox.
	 * @param old statements on the legacy database
	 * @return its backlog
	 */
	public static Backlog toNew(JdbcClient old) {
		return old
			.sql("SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(created_at), NOW(3)) DIV 1000, 0) "
					+ "FROM t_coupon_migration_outbox")
			.query((rs, n) -> new Backlog(rs.getLong(1), Math.max(0, rs.getLong(2))))
			.single();
	}

}
