package com.couponplatform.replication;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardTransactions;

/**
 * Removes NEW's copy of OLD's dynamic rows, the backfill's plan and OLD's pending
 * changes: the rollback from DUAL_WRITE, BACKFILL or VERIFIED to STATIC_COPIED. OLD never
 * stopped being complete, so nothing is lost. Run once every process has left the
 * replicating phase: the relay sends nothing more and the appliers drop what still
 * arrives; an applier that was mid-copy then may still commit one user, which is why the
 * removal is run twice.
 */
public final class CopyRemoval {

	/** Rows per statement: each delete is a short transaction. */
	private static final int CHUNK = 5_000;

	/** The user's tables the copy writes besides their coupons. */
	private static final List<String> USER_TABLES = List.of("coupon_usage", "coupon_order", "redemption_request",
			"migration_user_copy");

	private final CouponGateway gateway;

	private final OldDatabase old;

	private final ShardTransactions shards;

	private final ShardRouter router;

	private final Backfill backfill;

	CopyRemoval(CouponGateway gateway, OldDatabase old, ShardTransactions shards, ShardRouter router,
			Backfill backfill) {
		this.gateway = gateway;
		this.old = old;
		this.shards = shards;
		this.router = router;
		this.backfill = backfill;
	}

	/**
	 * Removes the copy.
	 * @return how many rows were removed, in NEW and from OLD's outbox
	 */
	public long remove() {
		// The backfill's plan first: a later entry into BACKFILL copies everything again.
		this.backfill.remove();
		long removed = drain(this.old.sql(), "DELETE FROM t_coupon_migration_outbox LIMIT " + CHUNK);
		for (ShardLocation location : this.router.layout().locations()) {
			int batch;
			do {
				batch = this.gateway.removeCopies(location, CHUNK);
				removed += batch;
			}
			while (batch > 0);
			JdbcClient sql = this.shards.sql(location.database());
			for (String table : USER_TABLES) {
				removed += drain(sql, "DELETE FROM " + location.physicalTable(table) + " LIMIT " + CHUNK);
			}
			// Codes: their redemptions go; their uses left stay as last copied, and the
			// next copy of each code sets them from OLD again.
			removed += drain(sql, "DELETE FROM " + location.physicalTable("code_redemption") + " LIMIT " + CHUNK);
		}
		return removed;
	}

	private static long drain(JdbcClient sql, String delete) {
		long removed = 0;
		int batch;
		do {
			batch = sql.sql(delete).update();
			removed += batch;
		}
		while (batch > 0);
		return removed;
	}

}
