package com.couponplatform.replication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.legacy.CouponUsage;
import com.couponplatform.legacy.DataIssue;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.LegacyUseLog;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.UseLogMapping;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardTransactions;

/**
 * Copies legacy use-log rows into NEW's {@code coupon_usage} (decision 7), by their IDs:
 * the rows are never changed once written, so inserting the ones NEW lacks is the whole
 * copy, and a second copy inserts nothing. OLD has no index on their user, so they are
 * found by ID (the change names them; the backfill walks the table in ID order).
 */
final class UseLogCopy {

	private final OldDatabase old;

	private final ShardTransactions shards;

	private final ShardRouter router;

	private final UseLogMapping mapping;

	UseLogCopy(OldDatabase old, ShardTransactions shards, ShardRouter router, UseLogMapping mapping) {
		this.old = old;
		this.shards = shards;
		this.router = router;
		this.mapping = mapping;
	}

	/**
	 * @param ids use-log rows
	 * @return the rows held back, as reported
	 */
	List<DataIssue> copy(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return write(this.old.sql()
			.sql("SELECT * FROM t_coupon_use_log WHERE id IN (:ids)")
			.param("ids", ids)
			.query(LegacyRowMappers.USE_LOG)
			.list());
	}

	/**
	 * Copies the rows mapped from legacy ones, inserting those NEW lacks.
	 * @param rows legacy rows
	 * @return the rows held back, as reported
	 */
	List<DataIssue> write(List<LegacyUseLog> rows) {
		List<DataIssue> issues = new ArrayList<>();
		List<CouponUsage> usages = new ArrayList<>();
		for (LegacyUseLog row : rows) {
			Mapping<CouponUsage> mapped = this.mapping.toNew(row);
			issues.addAll(mapped.issues());
			if (mapped instanceof Mapping.Mapped<CouponUsage> usage) {
				usages.add(usage.value());
			}
		}
		for (Map.Entry<Integer, Map<Integer, List<CouponUsage>>> database : this.router
			.byDatabaseAndTable(usages, (usage) -> Long.toString(usage.userId()))
			.entrySet()) {
			this.shards.inShardReadCommitted(database.getKey(), (sql) -> {
				database.getValue()
					.forEach((table, inTable) -> insert(sql, new ShardLocation(database.getKey(), table), inTable));
				return null;
			});
		}
		return issues;
	}

	private static void insert(JdbcClient sql, ShardLocation location, List<CouponUsage> usages) {
		List<Object> values = new ArrayList<>(usages.size() * 7);
		for (CouponUsage usage : usages) {
			values.addAll(List.of(usage.id(), usage.userId(), usage.couponId(), usage.orderId(), usage.action().name(),
					usage.amount(), UtcInstants.text(usage.createdAt())));
		}
		sql.sql("INSERT IGNORE INTO " + location.physicalTable("coupon_usage")
				+ " (id, user_id, coupon_id, order_id, action, amount, created_at) VALUES "
				+ String.join(", ", Collections.nCopies(usages.size(), "(?, ?, ?, ?, ?, ?, ?)")))
			.params(values)
			.update();
	}

}
