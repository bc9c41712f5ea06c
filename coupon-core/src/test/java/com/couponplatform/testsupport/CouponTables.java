package com.couponplatform.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.couponplatform.sharding.ShardDataSources;

/**
 * Queries every physical {@code user_coupon} table of every shard, bypassing
 * ShardingSphere, so tests check the truth where it is stored.
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
	 * Runs a query on every table and hands each row over.
	 * @param sql the query, {@code %s} standing for the table, with one {@code ?} for the
	 * template ID
	 * @param templateId the template
	 * @param reader receives each row, with the table's database index and table suffix
	 */
	public void forEach(String sql, long templateId, RowReader reader) {
		for (Map.Entry<String, DataSource> shard : this.shards.shards().entrySet()) {
			int database = Integer.parseInt(shard.getKey().substring(shard.getKey().lastIndexOf('_') + 1));
			try (Connection connection = shard.getValue().getConnection()) {
				for (int t = 0; t < this.tables; t++) {
					try (PreparedStatement query = connection
						.prepareStatement(String.format(sql, "user_coupon_" + t))) {
						query.setLong(1, templateId);
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
