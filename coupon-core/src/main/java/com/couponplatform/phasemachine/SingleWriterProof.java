package com.couponplatform.phasemachine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;

/**
 * The proof that the gateway is OLD's only writer (SINGLE_WRITE_OLD): OLD's coupon tables
 * are read at one point, again a window later, and every row that differs must be
 * explained by the gateway's journal, which commits with the rows it names. A row the
 * journal does not explain was written by someone else — the monolith, still switched on,
 * or any other writer — and is named.
 */
final class SingleWriterProof {

	/**
	 * OLD's coupon tables, each with its key and every column hashed: the static ones the
	 * freeze's checksum covers, and the users' coupons and use log.
	 */
	private static final List<Watched> TABLES = Stream
		.concat(StaticChecksum.TABLES.stream().map((table) -> new Watched(table.name(), table.key())),
				Stream.of(new Watched("t_user_coupon", "id"), new Watched("t_coupon_use_log", "id")))
		.toList();

	/**
	 * How far before the first read's last journal entry explanations are looked for: a
	 * gateway write still open at the first read, with an entry numbered below it,
	 * commits after it. A transaction of the gateway is bounded by its timeout, long
	 * before this many others commit.
	 */
	private static final long IN_FLIGHT = 10_000;

	private final OldDatabase old;

	SingleWriterProof(OldDatabase old) {
		this.old = old;
	}

	/**
	 * Watches OLD for a window.
	 * @param window how long
	 * @param lease renewed while it waits
	 * @return the precondition {@code single-writer-proven}
	 */
	Precondition observe(Duration window, WorkerLease lease) throws InterruptedException {
		Snapshot before = snapshot();
		long until = System.nanoTime() + window.toNanos();
		while (System.nanoTime() < until) {
			Thread.sleep(Math.max(1, Math.min(1000, (until - System.nanoTime()) / 1_000_000)));
			lease.renew();
		}
		Snapshot after = snapshot();
		Set<String> journalled = journalled(before.journalId - IN_FLIGHT, after.journalId);
		List<String> foreign = new ArrayList<>();
		int changes = 0;
		for (Watched table : TABLES) {
			Map<String, String> was = before.rows.get(table.name);
			Map<String, String> is = after.rows.get(table.name);
			Set<String> keys = new HashSet<>(was.keySet());
			keys.addAll(is.keySet());
			for (String key : keys) {
				if (!Objects.equals(was.get(key), is.get(key))) {
					changes++;
					if (!journalled.contains(table.name + " " + key)) {
						foreign.add(table.name + " " + key + " " + RowDifferences.change(was.get(key), is.get(key)));
					}
				}
			}
		}
		// What the proof has read it no longer needs; later proofs start after it.
		this.old.sql()
			.sql("DELETE FROM t_coupon_migration_journal WHERE id <= ?")
			.param(before.journalId - IN_FLIGHT)
			.update();
		if (foreign.isEmpty()) {
			return Precondition.of("single-writer-proven", true, "over " + window + " " + changes
					+ " rows of OLD's coupon tables changed, every one journalled by the gateway");
		}
		foreign.sort(null);
		return Precondition.of("single-writer-proven", false,
				foreign.size() + " rows of OLD's coupon tables changed without the gateway over " + window + ": "
						+ RowDifferences.named(foreign));
	}

	private Snapshot snapshot() {
		return this.old.atOnePoint((sql) -> {
			long journalId = sql.sql("SELECT COALESCE(MAX(id), 0) FROM t_coupon_migration_journal")
				.query(Long.class)
				.single();
			Map<String, Map<String, String>> rows = new LinkedHashMap<>();
			for (Watched table : TABLES) {
				Map<String, String> hashes = new HashMap<>();
				sql.sql("SELECT " + table.key + ", " + table.hash(sql) + " FROM " + table.name).query((rs) -> {
					hashes.put(rs.getString(1), rs.getString(2));
				});
				rows.put(table.name, hashes);
			}
			return new Snapshot(journalId, rows);
		});
	}

	private Set<String> journalled(long after, long upTo) {
		Set<String> keys = new HashSet<>();
		this.old.sql()
			.sql("SELECT table_name, row_key FROM t_coupon_migration_journal WHERE id > ? AND id <= ?")
			.params(after, upTo)
			.query((rs) -> {
				keys.add(rs.getString(1) + " " + rs.getString(2));
			});
		return keys;
	}

	private record Snapshot(long journalId, Map<String, Map<String, String>> rows) {
	}

	/** A watched table: every column of a row goes into its hash. */
	private record Watched(String name, String key) {

		String hash(JdbcClient sql) {
			List<String> names = sql
				.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
						+ "AND table_name = ? ORDER BY ordinal_position")
				.param(this.name)
				.query(String.class)
				.list();
			return RowDifferences.hash(names);
		}

	}

}
