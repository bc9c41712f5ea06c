package com.couponplatform.redemption;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardTransactions;

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

	private final ShardTransactions shards;

	private final ShardRouter router;

	CodeStore(ShardTransactions shards, ShardRouter router) {
		this.shards = shards;
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
		return insert(codes.stream().map((code) -> new StoredCode(code, batchId, usesPerCode)).toList(), now);
	}

	/**
	 * Stores codes of any batches that are not stored yet, as
	 * {@link #insert(long, int, Collection, Instant)} does.
	 * @param codes the codes, each with its batch and its uses
	 * @param now the creation instant
	 * @return how many were stored
	 */
	public int insert(Collection<StoredCode> codes, Instant now) {
		int inserted = 0;
		for (Map.Entry<Integer, Map<Integer, List<StoredCode>>> database : this.router
			.byDatabaseAndTable(codes, StoredCode::code)
			.entrySet()) {
			inserted += this.shards.inShard(database.getKey(), (sql) -> {
				int here = 0;
				for (Map.Entry<Integer, List<StoredCode>> table : database.getValue().entrySet()) {
					List<StoredCode> rows = table.getValue();
					for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
						here += insert(sql, TABLE + "_" + table.getKey(),
								rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)), now);
					}
				}
				return here;
			});
		}
		return inserted;
	}

	private static int insert(JdbcClient sql, String table, List<StoredCode> codes, Instant now) {
		String at = UtcInstants.text(now);
		List<Object> values = new ArrayList<>(codes.size() * 4);
		for (StoredCode code : codes) {
			values.addAll(List.of(code.code(), code.batchId(), code.usesLeft(), at));
		}
		return sql
			.sql("INSERT IGNORE INTO " + table + " (code, batch_id, uses_left, created_at) VALUES "
					+ String.join(", ", Collections.nCopies(codes.size(), "(?, ?, ?, ?)")))
			.params(values)
			.update();
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
				List<Code> page = this.shards.sql(location.database())
					.sql("SELECT code, uses_left FROM " + location.physicalTable(TABLE)
							+ " WHERE batch_id = ? AND code > ? ORDER BY code LIMIT " + PAGE)
					.params(batchId, after)
					.query((rs, n) -> new Code(rs.getString(1), rs.getInt(2)))
					.list();
				page.forEach((code) -> each.accept(code.code, code.usesLeft));
				if (page.size() < PAGE) {
					break;
				}
				after = page.get(page.size() - 1).code;
			}
		}
	}

	/**
	 * Walks the codes of many batches, each physical table once, in code order, a page at
	 * a time.
	 * @param batchIds the batches
	 * @param each receives each code with its batch
	 */
	public void forEachOf(Collection<Long> batchIds, BiConsumer<String, Long> each) {
		if (batchIds.isEmpty()) {
			return;
		}
		for (ShardLocation location : this.router.layout().locations()) {
			String after = "";
			while (true) {
				List<Map.Entry<String, Long>> page = this.shards.sql(location.database())
					.sql("SELECT code, batch_id FROM " + location.physicalTable(TABLE)
							+ " WHERE batch_id IN (:batches) AND code > :after ORDER BY code LIMIT " + PAGE)
					.param("batches", batchIds)
					.param("after", after)
					.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
					.list();
				page.forEach((code) -> each.accept(code.getKey(), code.getValue()));
				if (page.size() < PAGE) {
					break;
				}
				after = page.get(page.size() - 1).getKey();
			}
		}
	}

	/**
	 * A code to store.
	 *
	 * @param code the normalised code
	 * @param batchId its batch
	 * @param usesLeft the uses it starts with
	 */
	public record StoredCode(String code, long batchId, int usesLeft) {
	}

	/**
	 * Deletes a batch's codes (an import that could not reserve its stock), a bounded
	 * delete at a time.
	 * @param batchId the batch
	 */
	public void delete(long batchId) {
		for (ShardLocation location : this.router.layout().locations()) {
			JdbcClient sql = this.shards.sql(location.database());
			String delete = "DELETE FROM " + location.physicalTable(TABLE) + " WHERE batch_id = ? LIMIT " + PAGE;
			while (sql.sql(delete).param(batchId).update() == PAGE) {
				// next bounded delete
			}
		}
	}

	/** A one-number aggregate of a batch's rows, added up over every physical table. */
	private long sum(String aggregate, long batchId) {
		long total = 0;
		for (ShardLocation location : this.router.layout().locations()) {
			total += this.shards.sql(location.database())
				.sql("SELECT " + aggregate + " FROM " + location.physicalTable(TABLE) + " WHERE batch_id = ?")
				.param(batchId)
				.query(Long.class)
				.single();
		}
		return total;
	}

	private record Code(String code, int usesLeft) {
	}

}
