package com.couponplatform.legacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import com.couponplatform.sharding.SchemaFolder;

/**
 * The two schemas of a legacy database: the monolith's own coupon tables
 * ({@code sql/legacy/mall}, built only for tests and benchmarks: a real mall database has
 * them already) and the platform's {@code t_coupon_migration_…} tables
 * ({@code sql/legacy/platform}, versioned in {@code t_coupon_migration_schema_history}).
 */
public final class LegacySchema {

	/** The history of the platform's tables in the legacy database. */
	public static final String PLATFORM_HISTORY = "t_coupon_migration_schema_history";

	private LegacySchema() {
	}

	/**
	 * Creates the monolith's coupon tables as LEGACY.md describes them.
	 * @param connection a connection to an empty database
	 * @throws SQLException when a statement fails
	 * @throws IllegalStateException when the database already has tables
	 */
	public static void createMallTables(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			try (ResultSet tables = statement
				.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
				tables.next();
				if (tables.getLong(1) > 0) {
					throw new IllegalStateException("Database " + connection.getCatalog() + " is not empty: "
							+ tables.getLong(1) + " tables; the legacy tables go into an empty database");
				}
			}
			for (String sql : SchemaFolder.of("legacy/mall").statements()) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * Creates or upgrades the platform's own tables in a legacy database, never touching
	 * the legacy tables.
	 * @param connection a connection to the legacy database
	 * @param clock the clock of the history records
	 * @throws SQLException when a statement fails
	 */
	public static void installPlatformTables(Connection connection, Clock clock) throws SQLException {
		SchemaFolder.of("legacy/platform").applyTo(connection, PLATFORM_HISTORY, 1, clock);
	}

}
