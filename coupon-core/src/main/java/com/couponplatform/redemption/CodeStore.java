package com.couponplatform.redemption;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;

import com.couponplatform.persistence.LocalTransaction;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;

/**
 * A batch's codes in the physical {@code redemption_code} tables: bulk inserts already
 * routed by the code (one multi-row insert per physical table, one transaction per shard
 * database), and the per-table walks that count, export and discard a batch.
 */
@Component
public class CodeStore {

	static final String TABLE = "redemption_code";

	private static final int ROWS_PER_INSERT = 1000;

	private static final int PAGE = 5000;

	private final ShardDataSources dataSources;

	private final ShardRouter router;

	CodeStore(ShardDataSources dataSources, ShardRouter router) {
		this.dataSources = dataSources;
		this.router = router;
	}

	/**
	 * Stores codes that are not stored yet; a code that exists (in any batch) is skipped
	 * by its primary key.
	 * @param batchId the batch
	 * @param usesPerCode uses each code starts with
	 * @param codes normalised, well-formed codes
	 * @param now the creation instant
	 * @return how many were stored
	 */
	public int insert(long batchId, int usesPerCode, Collection<String> codes, Instant now) {
		// Shard database → physical table → codes.
		Map<Integer, Map<Integer, List<String>>> byDatabase = new TreeMap<>();
		for (String code : codes) {
			ShardLocation location = this.router.locate(code);
			byDatabase.computeIfAbsent(location.database(), (db) -> new TreeMap<>())
				.computeIfAbsent(location.table(), (table) -> new ArrayList<>())
				.add(code);
		}
		int inserted = 0;
		for (Map.Entry<Integer, Map<Integer, List<String>>> database : byDatabase.entrySet()) {
			try {
				inserted += LocalTransaction.run(this.dataSources.shard(database.getKey()), (connection) -> {
					int here = 0;
					for (Map.Entry<Integer, List<String>> table : database.getValue().entrySet()) {
						List<String> rows = table.getValue();
						for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
							here += insert(connection, TABLE + "_" + table.getKey(),
									rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)), batchId,
									usesPerCode, now);
						}
					}
					return here;
				});
			}
			catch (SQLException ex) {
				throw new UncategorizedSQLException("storing codes of batch " + batchId, null, ex);
			}
		}
		return inserted;
	}

	private static int insert(Connection connection, String table, List<String> codes, long batchId, int usesPerCode,
			Instant now) throws SQLException {
		String sql = "INSERT IGNORE INTO " + table + " (code, batch_id, uses_left, created_at) VALUES "
				+ String.join(", ", Collections.nCopies(codes.size(), "(?, ?, ?, ?)"));
		Timestamp at = Timestamp.from(now);
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			int p = 1;
			for (String code : codes) {
				insert.setString(p++, code);
				insert.setLong(p++, batchId);
				insert.setInt(p++, usesPerCode);
				insert.setTimestamp(p++, at);
			}
			return insert.executeUpdate();
		}
	}

	/**
	 * Counts a batch's codes in every physical table: the exact figure after a crash cut
	 * the generator short between storing codes and recording its progress.
	 * @param batchId the batch
	 * @return codes stored
	 */
	public long count(long batchId) {
		return sum("COUNT(*)", batchId);
	}

	/**
	 * Sums the uses a batch's codes have left, in every physical table.
	 * @param batchId the batch
	 * @return uses left
	 */
	public long usesLeft(long batchId) {
		return sum("COALESCE(SUM(uses_left), 0)", batchId);
	}

	/**
	 * Walks a batch's codes, table by table, each in code order, a page at a time.
	 * @param batchId the batch
	 * @param each receives each code and its uses left
	 */
	public void forEach(long batchId, BiConsumer<String, Integer> each) {
		for (ShardLocation location : this.router.layout().locations()) {
			String after = "";
			while (true) {
				List<String> codes = new ArrayList<>(PAGE);
				List<Integer> uses = new ArrayList<>(PAGE);
				String from = after;
				try (Connection connection = this.dataSources.shard(location.database()).getConnection();
						PreparedStatement select = connection
							.prepareStatement("SELECT code, uses_left FROM " + location.physicalTable(TABLE)
									+ " WHERE batch_id = ? AND code > ? ORDER BY code LIMIT " + PAGE)) {
					select.setLong(1, batchId);
					select.setString(2, from);
					try (ResultSet rows = select.executeQuery()) {
						while (rows.next()) {
							codes.add(rows.getString(1));
							uses.add(rows.getInt(2));
						}
					}
				}
				catch (SQLException ex) {
					throw new UncategorizedSQLException("reading codes of batch " + batchId, null, ex);
				}
				for (int i = 0; i < codes.size(); i++) {
					each.accept(codes.get(i), uses.get(i));
				}
				if (codes.size() < PAGE) {
					break;
				}
				after = codes.get(codes.size() - 1);
			}
		}
	}

	/**
	 * Deletes a batch's codes (an import that could not reserve its stock), a bounded
	 * delete at a time.
	 * @param batchId the batch
	 */
	public void delete(long batchId) {
		for (ShardLocation location : this.router.layout().locations()) {
			try (Connection connection = this.dataSources.shard(location.database()).getConnection();
					PreparedStatement delete = connection.prepareStatement(
							"DELETE FROM " + location.physicalTable(TABLE) + " WHERE batch_id = ? LIMIT " + PAGE)) {
				delete.setLong(1, batchId);
				while (delete.executeUpdate() == PAGE) {
					// next bounded delete
				}
			}
			catch (SQLException ex) {
				throw new UncategorizedSQLException("deleting codes of batch " + batchId, null, ex);
			}
		}
	}

	/** A one-number aggregate of a batch's rows, added up over every physical table. */
	private long sum(String aggregate, long batchId) {
		long total = 0;
		for (ShardLocation location : this.router.layout().locations()) {
			String sql = "SELECT " + aggregate + " FROM " + location.physicalTable(TABLE) + " WHERE batch_id = ?";
			try (Connection connection = this.dataSources.shard(location.database()).getConnection();
					PreparedStatement select = connection.prepareStatement(sql)) {
				select.setLong(1, batchId);
				try (ResultSet rows = select.executeQuery()) {
					rows.next();
					total += rows.getLong(1);
				}
			}
			catch (SQLException ex) {
				throw new UncategorizedSQLException(sql, null, ex);
			}
		}
		return total;
	}

}
