package com.couponplatform.gateway;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends a user's change to OLD's outbox ({@code t_coupon_migration_outbox}) in the
 * gateway write's own transaction (invariant 4): the change commits with the rows it
 * names, or not at all, and stays until the applier has written it into NEW.
 */
final class OldOutbox {

	private OldOutbox() {
	}

	static void append(JdbcClient sql, LegacyChange change) {
		sql.sql("INSERT INTO t_coupon_migration_outbox (id, uid, epoch, change_type, payload, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, NOW(3))")
			.params(change.id(), change.userId(), change.epoch(), LegacyChange.TYPE, change.json())
			.update();
	}

	static void append(JdbcClient sql, long id, long userId, long epoch, List<Long> useLogIds, List<String> codes) {
		append(sql, new LegacyChange(id, userId, epoch, useLogIds, codes, System.currentTimeMillis()));
	}

}
