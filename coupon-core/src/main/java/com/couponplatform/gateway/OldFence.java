package com.couponplatform.gateway;

import java.util.Collection;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.migration.Side;

/**
 * A user's fence on OLD's side ({@code t_coupon_migration_user}, decision 3), read in the
 * write's own transaction after the user's lock row: a cutover changes the fence row with
 * an exclusive lock, so it waits for writes past their fence, and writes after it see the
 * new side.
 */
final class OldFence {

	private OldFence() {
	}

	/**
	 * Takes the user's gateway lock on OLD, then lets the write go on or refuses it.
	 * @param sql the write's transaction on OLD
	 * @param userId the user
	 * @param decision what the write was decided as
	 * @throws StaleDecisionException when the fence refuses it
	 */
	static void check(JdbcClient sql, long userId, WriteDecision decision) {
		checkPhase(sql, userId, decision);
		// Exclusive even when the row exists: one user's gateway writes run one at a
		// time.
		sql.sql("INSERT INTO t_coupon_migration_user_lock (uid) VALUES (?) ON DUPLICATE KEY UPDATE uid = uid")
			.param(userId)
			.update();
		Fence fence = sql.sql("SELECT side, epoch FROM t_coupon_migration_user WHERE uid = ? LOCK IN SHARE MODE")
			.param(userId)
			.query((rs, n) -> new Fence(Side.valueOf(rs.getString(1)), rs.getLong(2)))
			.optional()
			.orElse(new Fence(decision.epoch().phase().defaultSide(), 0));
		if (!decision.admittedBy(fence.side, fence.epoch)) {
			throw new StaleDecisionException(userId, decision,
					fence.side + " under epoch " + fence.epoch + " (OLD's fence)");
		}
	}

	/**
	 * The users among those given whose OLD fence lets the decision write, read without
	 * their gateway locks; for a background batch.
	 * @param sql the batch's transaction on OLD
	 * @param userIds the users
	 * @param decision what the batch was decided as
	 * @return the users it may write
	 */
	static Set<Long> admitted(JdbcClient sql, Collection<Long> userIds, WriteDecision decision) {
		checkPhase(sql, userIds.iterator().next(), decision);
		return UserFence.admitted(sql, "t_coupon_migration_user", "uid", userIds, decision);
	}

	/**
	 * OLD's phase fence ({@code t_coupon_migration_epoch}): the worker raises it, waiting
	 * for the writes past it, before a phase changes, so no write decided under the phase
	 * before (its IDs, its journal) commits after it.
	 */
	private static void checkPhase(JdbcClient sql, long userId, WriteDecision decision) {
		long fenced = sql.sql("SELECT epoch FROM t_coupon_migration_epoch WHERE id = 1 LOCK IN SHARE MODE")
			.query(Long.class)
			.optional()
			.orElse(0L);
		if (fenced > decision.epoch().number()) {
			throw new StaleDecisionException(userId, decision, "OLD's phase fence at epoch " + fenced);
		}
	}

	private record Fence(Side side, long epoch) {
	}

}
