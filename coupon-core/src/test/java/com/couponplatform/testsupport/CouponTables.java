package com.couponplatform.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.couponplatform.sharding.ShardDataSources;

/**
 * Queries every physical table of a sharded table ({@code user_coupon} unless named) in
 * every shard, bypassing ShardingSphere, so tests check the truth where it is stored.
 */
public final class CouponTables {

	private final ShardDataSources shards;

	private final int tables;

	/**
	 * @param shards the shard pools
	 * @param tables M, the physical tables per shard database
	 */
	public CouponTables(ShardDataSources shards, int tables) {
		this.shards = shards;
		this.tables = tables;
	}

	/**
	 * Runs a query on every {@code user_coupon} table and hands each row over.
	 * @param sql the query, {@code %s} standing for the table, with one {@code ?} for the
	 * template ID
	 * @param templateId the template
	 * @param reader receives each row, with the table's database index and table suffix
	 */
	public void forEach(String sql, long templateId, RowReader reader) {
		forEachOf("user_coupon", sql, templateId, reader);
	}

	/**
	 * Runs a query on every physical table of any sharded table and hands each row over.
	 * @param logicalTable the sharded table, for example {@code redemption_code}
	 * @param sql the query, {@code %s} standing for the table, with one {@code ?}
	 * @param parameter the value of the {@code ?}
	 * @param reader receives each row, with the table's database index and table suffix
	 */
	public void forEachOf(String logicalTable, String sql, Object parameter, RowReader reader) {
		for (Map.Entry<String, DataSource> shard : this.shards.shards().entrySet()) {
			int database = Integer.parseInt(shard.getKey().substring(shard.getKey().lastIndexOf('_') + 1));
			try (Connection connection = shard.getValue().getConnection()) {
				for (int t = 0; t < this.tables; t++) {
					try (PreparedStatement query = connection
						.prepareStatement(String.format(sql, logicalTable + "_" + t))) {
						query.setObject(1, parameter);
						try (ResultSet rows = query.executeQuery()) {
							while (rows.next()) {
								reader.read(database, t, rows);
							}
						}
					}
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * @param logicalTable the sharded table
	 * @param sql a one-number query, as for {@link #forEachOf}
	 * @param parameter the value of the {@code ?}
	 * @return the sum of its answers over every physical table
	 */
	public long sumOf(String logicalTable, String sql, Object parameter) {
		long[] sum = { 0 };
		forEachOf(logicalTable, sql, parameter, (database, table, row) -> sum[0] += row.getLong(1));
		return sum[0];
	}

	/**
	 * @param sql a one-number query, as for {@link #forEach}
	 * @param templateId the template
	 * @return the sum of its answers over every table
	 */
	public long sum(String sql, long templateId) {
		long[] sum = { 0 };
		forEach(sql, templateId, (database, table, row) -> sum[0] += row.getLong(1));
		return sum[0];
	}

	/**
	 * @param sql a one-number query, as for {@link #forEach}
	 * @param templateId the template
	 * @return the largest of its answers over every table
	 */
	public long max(String sql, long templateId) {
		long[] max = { 0 };
		forEach(sql, templateId, (database, table, row) -> max[0] = Math.max(max[0], row.getLong(1)));
		return max[0];
	}

	/**
	 * @param templateId the template
	 * @return the most coupons of the template one user holds
	 */
	public long mostCouponsOfOneUser(long templateId) {
		return max("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM %s WHERE template_id = ? "
				+ "GROUP BY user_id) c", templateId);
	}

	/** One row of one table. */
	@FunctionalInterface
	public interface RowReader {

		void read(int database, int table, ResultSet row) throws SQLException;

	}

}
