package com.couponplatform.replication;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.legacy.LegacyClaimRequest;
import com.couponplatform.legacy.LegacyOrder;
import com.couponplatform.legacy.LegacyRedemptionRequest;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.persistence.UtcInstants;

/**
 * Reads one user's rows from OLD at one consistent point, by the user's indexes
 * ({@code t_user_coupon (uid, state)} and the primary keys of the platform's own tables).
 */
final class OldUserRows {

	private final OldDatabase old;

	OldUserRows(OldDatabase old) {
		this.old = old;
	}

	UserRows read(long userId) {
		return this.old.atOnePoint((sql) -> read(sql, userId));
	}

	static UserRows read(JdbcClient sql, long userId) {
		return new UserRows(
				sql.sql("SELECT * FROM t_user_coupon WHERE uid = ? ORDER BY id")
					.param(userId)
					.query(LegacyRowMappers.COUPON)
					.list(),
				sql.sql("SELECT uid, order_no, user_coupon_id, tpl_id, status, order_amount, discount, coupon_returned, "
						+ "locked_at, lock_expires_at, updated_at FROM t_coupon_migration_order WHERE uid = ? "
						+ "ORDER BY order_no")
					.param(userId)
					.query((rs, n) -> new LegacyOrder(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
							rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getObject(8, Boolean.class),
							utc(rs.getObject(9, LocalDateTime.class)), utc(rs.getObject(10, LocalDateTime.class)),
							utc(rs.getObject(11, LocalDateTime.class))))
					.list(),
				sql.sql("SELECT uid, origin, request_id, tpl_id, user_coupon_id, created_at "
						+ "FROM t_coupon_migration_claim_request WHERE uid = ? ORDER BY origin, request_id, tpl_id")
					.param(userId)
					.query((rs, n) -> new LegacyClaimRequest(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getLong(4), rs.getLong(5), utc(rs.getObject(6, LocalDateTime.class))))
					.list(),
				sql.sql("SELECT uid, request_id, code, user_coupon_id, created_at "
						+ "FROM t_coupon_migration_redemption_request WHERE uid = ? ORDER BY request_id")
					.param(userId)
					.query((rs, n) -> new LegacyRedemptionRequest(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getObject(4, Long.class), utc(rs.getObject(5, LocalDateTime.class))))
					.list());
	}

	private static java.time.Instant utc(LocalDateTime time) {
		return UtcInstants.instant(time);
	}

}
