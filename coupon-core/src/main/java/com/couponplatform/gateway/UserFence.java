package com.couponplatform.gateway;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.migration.Side;

/**
 * Reads users' fence rows ({@code migration_user_side}) in the transaction of the write
 * they guard, under a shared lock: a cutover changes a user's row with an exclusive lock,
 * so it waits for writes already past their fence, and writes after it see the new side.
 */
final class UserFence {

	/** The logical table, as ShardingSphere routes it by user. */
	static final String TABLE = "migration_user_side";

	private UserFence() {
	}

	/**
	 * Lets one user's write go on, or refuses it.
	 * @param sql the write's transaction, on ShardingSphere (which routes the logical
	 * table by the user)
	 * @param userId the user
	 * @param decision what the write was decided as
	 * @throws StaleDecisionException when the fence refuses it
	 */
	static void check(JdbcClient sql, long userId, WriteDecision decision) {
		if (!admitted(sql, TABLE, Set.of(userId), decision).contains(userId)) {
			throw new StaleDecisionException(userId, decision, fenceOf(sql, userId));
		}
	}

	/**
	 * The users among those given whose fence lets the decision write; for a batch.
	 * @param sql the write's transaction
	 * @param table the fence table holding their rows
	 * @param userIds users whose rows live in that table
	 * @param decision what the write was decided as
	 * @return the users it may write
	 */
	static Set<Long> admitted(JdbcClient sql, String table, Collection<Long> userIds, WriteDecision decision) {
		return admitted(sql, table, "user_id", userIds, decision);
	}

	/**
	 * {@link #admitted(JdbcClient, String, Collection, WriteDecision)} for a fence table
	 * whose user column has another name (OLD's {@code uid}).
	 */
	static Set<Long> admitted(JdbcClient sql, String table, String userColumn, Collection<Long> userIds,
			WriteDecision decision) {
		Map<Long, Fence> fences = new HashMap<>();
		sql.sql("SELECT " + userColumn + ", side, epoch FROM " + table + " WHERE " + userColumn
				+ " IN (:users) LOCK IN SHARE MODE")
			.param("users", userIds)
			.query((rs) -> {
				fences.put(rs.getLong(1), new Fence(Side.valueOf(rs.getString(2)), rs.getLong(3)));
			});
		Fence unfenced = new Fence(decision.epoch().phase().defaultSide(), 0);
		Set<Long> admitted = new HashSet<>();
		for (long userId : userIds) {
			Fence fence = fences.getOrDefault(userId, unfenced);
			if (decision.admittedBy(fence.side, fence.epoch)) {
				admitted.add(userId);
			}
		}
		return admitted;
	}

	private static String fenceOf(JdbcClient sql, long userId) {
		return sql.sql("SELECT CONCAT(side, ' under epoch ', epoch) FROM " + TABLE + " WHERE user_id = ?")
			.param(userId)
			.query(String.class)
			.optional()
			.orElse("the phase's side (no row)");
	}

	private record Fence(Side side, long epoch) {
	}

}
