package com.couponplatform.replication;

import java.util.Collection;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.legacy.LegacyCode;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardTransactions;

/**
 * Copies a legacy code's state into NEW (decision 5: a code's state and owner are
 * dynamic): its one use left or taken, and who took it, as {@code code_redemption}
 * records it, in the code's own shard. The static copy wrote the code itself; a code
 * imported void (a later duplicate once normalised) has no row of NEW's and is left
 * alone. The copy is the state OLD holds when it runs, so it may run any number of times.
 */
final class CodeStateCopy {

	/**
	 * The request ID of a redemption NEW records for an exchange OLD has no request of
	 * (the monolith's own).
	 */
	static final String NO_REQUEST = "legacy";

	private final OldDatabase old;

	private final JdbcClient global;

	private final ShardTransactions shards;

	private final ShardRouter router;

	private final LegacyTime time;

	CodeStateCopy(OldDatabase old, DataSource global, ShardTransactions shards, ShardRouter router, LegacyTime time) {
		this.old = old;
		this.global = JdbcClient.create(global);
		this.shards = shards;
		this.router = router;
		this.time = time;
	}

	/**
	 * @param codes legacy codes, as OLD's table holds them
	 * @return how many codes' state NEW holds now (the others have no copy)
	 */
	int copy(Collection<String> codes) {
		int copied = 0;
		for (String code : codes) {
			Optional<LegacyCode> legacy = this.old.sql()
				.sql("SELECT * FROM t_coupon_code WHERE code = ?")
				.param(code)
				.query(LegacyRowMappers.CODE)
				.optional();
			if (legacy.isPresent() && copy(legacy.get())) {
				copied++;
			}
		}
		return copied;
	}

	/**
	 * @param legacy a code as OLD holds it
	 * @return whether NEW has the code (not imported void) and holds its state now
	 */
	boolean copy(LegacyCode legacy) {
		Optional<String> imported = this.global
			.sql("SELECT code FROM migration_code_legacy WHERE code_as_typed = ? AND void = 0")
			.param(legacy.code())
			.query(String.class)
			.optional();
		if (imported.isEmpty()) {
			return false;
		}
		String code = imported.get();
		boolean exchanged = legacy.state() == LegacyCode.EXCHANGED;
		long couponId = exchanged ? couponOf(legacy) : 0;
		String requestId = exchanged ? requestOf(legacy.uid(), couponId) : null;
		ShardLocation location = this.router.locate(code);
		return this.shards.inShardReadCommitted(location.database(), (sql) -> {
			int found = sql
				.sql("UPDATE " + location.physicalTable("redemption_code") + " SET uses_left = ? WHERE code = ?")
				.params((legacy.state() == LegacyCode.NEW) ? 1 : 0, code)
				.update();
			if (found == 0 && sql.sql("SELECT 1 FROM " + location.physicalTable("redemption_code") + " WHERE code = ?")
				.param(code)
				.query(Integer.class)
				.optional()
				.isEmpty()) {
				return false;
			}
			String redemptions = location.physicalTable("code_redemption");
			if (exchanged) {
				sql.sql("DELETE FROM " + redemptions + " WHERE code = ? AND user_id <> ?")
					.params(code, legacy.uid())
					.update();
				sql.sql("INSERT INTO " + redemptions + " (code, user_id, request_id, coupon_id, redeemed_at) "
						+ "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE request_id = VALUES(request_id), "
						+ "coupon_id = VALUES(coupon_id), redeemed_at = VALUES(redeemed_at)")
					.params(code, legacy.uid(), requestId, couponId,
							UtcInstants.text(this.time.toInstant(legacy.exchangeTime())))
					.update();
			}
			else {
				sql.sql("DELETE FROM " + redemptions + " WHERE code = ?").param(code).update();
			}
			return true;
		});
	}

	/** The coupon the exchange gave, by the user's index; 0 when OLD has none. */
	private long couponOf(LegacyCode legacy) {
		return this.old.sql()
			.sql("SELECT id FROM t_user_coupon WHERE uid = ? AND get_type = 3 AND code = ? ORDER BY id LIMIT 1")
			.params(legacy.uid(), legacy.code())
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	private String requestOf(long userId, long couponId) {
		return this.old.sql()
			.sql("SELECT request_id FROM t_coupon_migration_redemption_request WHERE uid = ? AND user_coupon_id = ? "
					+ "LIMIT 1")
			.params(userId, couponId)
			.query(String.class)
			.optional()
			.orElse(NO_REQUEST);
	}

}
