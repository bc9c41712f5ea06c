package com.couponplatform.phasemachine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.gateway.OldDatabase;

/**
 * The checksum of OLD's static data (decision 5), one hash per row so that a change is
 * named by its table and key: {@code t_coupon_template} without {@code taken_count} and
 * {@code update_time} (which claims move), {@code t_coupon_scope},
 * {@code t_coupon_blacklist_goods}, and {@code (code, tpl_id, batch_no)} of
 * {@code t_coupon_code} (a code's state and owner are a user's data). Recorded in the
 * global database at the freeze, compared with OLD at every later boundary.
 */
final class StaticChecksum {

	/** The static tables: name, key column, hashed columns. */
	static final List<Table> TABLES = List.of(
			new Table("t_coupon_template", "id",
					List.of("title", "coupon_kind", "face_value", "min_order_amt", "discount_rate", "max_cut",
							"total_count", "per_user_limit", "grab_start", "grab_end", "use_start", "use_end",
							"valid_days", "status", "scope_type", "operator", "create_time")),
			new Table("t_coupon_scope", "id", List.of("template_id", "ref_type", "ref_id")),
			new Table("t_coupon_blacklist_goods", "goods_id", List.of("goods_id")),
			new Table("t_coupon_code", "code", List.of("code", "tpl_id", "batch_no")));

	private static final int INSERT_ROWS = 1000;

	private final OldDatabase old;

	private final JdbcClient global;

	private final TransactionTemplate transaction;

	StaticChecksum(OldDatabase old, DataSource global) {
		this.old = old;
		this.global = JdbcClient.create(global);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(global));
	}

	/**
	 * OLD's static rows as they are now, read at one point.
	 * @return table to key to hash
	 */
	Map<String, Map<String, String>> read() {
		return this.old.atOnePoint((sql) -> {
			Map<String, Map<String, String>> tables = new LinkedHashMap<>();
			for (Table table : TABLES) {
				Map<String, String> rows = new TreeMap<>();
				sql.sql("SELECT " + table.key + ", " + table.hash() + " FROM " + table.name).query((rs) -> {
					rows.put(rs.getString(1), rs.getString(2));
				});
				tables.put(table.name, rows);
			}
			return tables;
		});
	}

	/**
	 * Records OLD's static rows as the freeze's checksum, replacing any recorded before.
	 * @return rows recorded per table
	 */
	Map<String, Integer> record() {
		Map<String, Map<String, String>> now = read();
		this.transaction.executeWithoutResult((status) -> {
			this.global.sql("DELETE FROM migration_static_checksum").update();
			for (Map.Entry<String, Map<String, String>> table : now.entrySet()) {
				List<Object> params = new ArrayList<>();
				for (Map.Entry<String, String> row : table.getValue().entrySet()) {
					params.add(table.getKey());
					params.add(row.getKey());
					params.add(row.getValue());
					if (params.size() == 3 * INSERT_ROWS) {
						insert(params);
					}
				}
				insert(params);
			}
		});
		Map<String, Integer> counts = new LinkedHashMap<>();
		now.forEach((table, rows) -> counts.put(table, rows.size()));
		return counts;
	}

	/** Drops the recorded checksum: the freeze is over (a rollback to LEGACY). */
	void drop() {
		this.global.sql("DELETE FROM migration_static_checksum").update();
	}

	/**
	 * Compares OLD's static rows with the freeze's checksum.
	 * @return the precondition {@code static-data-unchanged}
	 */
	Precondition unchanged() {
		Map<String, Map<String, String>> recorded = new LinkedHashMap<>();
		TABLES.forEach((table) -> recorded.put(table.name, new TreeMap<>()));
		this.global.sql("SELECT table_name, row_key, row_hash FROM migration_static_checksum").query((rs) -> {
			recorded.computeIfAbsent(rs.getString(1), (name) -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
		});
		if (recorded.values().stream().allMatch(Map::isEmpty)) {
			return Precondition.of("static-data-unchanged", false,
					"no checksum is recorded: the freeze records it on entering STATIC_FROZEN");
		}
		Map<String, Map<String, String>> now = read();
		List<String> differences = new ArrayList<>();
		for (Table table : TABLES) {
			Map<String, String> before = recorded.get(table.name);
			Map<String, String> after = now.get(table.name);
			TreeSet<String> keys = new TreeSet<>(before.keySet());
			keys.addAll(after.keySet());
			for (String key : keys) {
				String was = before.get(key);
				String is = after.get(key);
				if (!Objects.equals(was, is)) {
					differences.add(table.name + " " + key + " " + RowDifferences.change(was, is));
				}
			}
		}
		if (differences.isEmpty()) {
			int rows = now.values().stream().mapToInt(Map::size).sum();
			return Precondition.of("static-data-unchanged", true, rows + " static rows as recorded at the freeze");
		}
		return Precondition.of("static-data-unchanged", false, differences.size()
				+ " static rows differ from the freeze's checksum: " + RowDifferences.named(differences));
	}

	private void insert(List<Object> params) {
		if (params.isEmpty()) {
			return;
		}
		this.global
			.sql("INSERT INTO migration_static_checksum (table_name, row_key, row_hash) VALUES "
					+ String.join(", ", Collections.nCopies(params.size() / 3, "(?, ?, ?)")))
			.params(params)
			.update();
		params.clear();
	}

	/**
	 * A static table.
	 *
	 * @param name its name
	 * @param key its key column
	 * @param columns the columns hashed
	 */
	record Table(String name, String key, List<String> columns) {

		/**
		 * SHA-256 over the columns as text, NULL as {@code \N}, a separator no value
		 * holds.
		 */
		String hash() {
			return RowDifferences.hash(this.columns);
		}

	}

}
