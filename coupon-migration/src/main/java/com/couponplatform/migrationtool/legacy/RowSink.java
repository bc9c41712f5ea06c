package com.couponplatform.migrationtool.legacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Collects rows per table and writes them as batched inserts, which the driver
 * ({@code rewriteBatchedStatements}) sends as multi-row INSERTs of {@value #BATCH_ROWS}
 * rows: one round trip per batch instead of one per row.
 */
final class RowSink {

	static final int BATCH_ROWS = 2000;

	private final JdbcTemplate jdbc;

	private final Map<String, Pending> pending = new LinkedHashMap<>();

	private long written;

	RowSink(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Declares a table's columns, in the order {@link #add} gives values.
	 */
	void table(String table, String... columns) {
		String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
		this.pending.put(table, new Pending(sql, new ArrayList<>(BATCH_ROWS)));
	}

	void add(String table, Object... values) {
		Pending rows = this.pending.get(table);
		rows.rows.add(values);
		if (rows.rows.size() >= BATCH_ROWS) {
			write(rows);
		}
	}

	void flush() {
		this.pending.values().forEach(this::write);
	}

	long written() {
		return this.written;
	}

	private void write(Pending rows) {
		if (rows.rows.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(rows.sql, rows.rows);
		this.written += rows.rows.size();
		rows.rows.clear();
	}

	private record Pending(String sql, List<Object[]> rows) {
	}

}
