package com.couponplatform.legacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.couponplatform.sharding.SchemaFolder;

/**
 * The two schemas of a legacy database: the monolith's own coupon tables
 * ({@code sql/legacy/mall}, built only for tests and benchmarks: a real mall database has
 * them already) and the platform's {@code t_coupon_migration_…} tables
 * ({@code sql/legacy/platform}, versioned in {@code t_coupon_migration_schema_history}).
 */
public final class LegacySchema {

	/** The monolith's coupon tables (LEGACY.md). */
	public static final List<String> MALL_TABLES = List.of("t_coupon_template", "t_coupon_scope",
			"t_coupon_blacklist_goods", "t_user_coupon", "t_coupon_code", "t_coupon_use_log");

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
		// Every process of the platform installs them at start-up; a named lock on the
		// legacy server keeps two from altering a table at once.
		String lock = "coupon_migration_schema_" + connection.getCatalog();
		try (Statement statement = connection.createStatement();
				ResultSet acquired = statement.executeQuery("SELECT GET_LOCK('" + lock + "', 60)")) {
			if (!acquired.next() || acquired.getInt(1) != 1) {
				throw new IllegalStateException("Timed out waiting for the lock " + lock);
			}
		}
		try {
			SchemaFolder.of("legacy/platform").applyTo(connection, PLATFORM_HISTORY, 1, clock);
		}
		finally {
			try (Statement statement = connection.createStatement()) {
				statement.executeQuery("SELECT RELEASE_LOCK('" + lock + "')").close();
			}
		}
	}

	/**
	 * Checks that a database has the monolith's coupon tables, before the platform serves
	 * from it.
	 * @param connection a connection to the legacy database
	 * @throws SQLException when the check cannot run
	 * @throws IllegalStateException naming the tables it lacks
	 */
	public static void requireMallTables(Connection connection) throws SQLException {
		List<String> missing = new ArrayList<>(MALL_TABLES);
		try (Statement statement = connection.createStatement();
				ResultSet tables = statement
					.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
			while (tables.next()) {
				missing.remove(tables.getString(1));
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The legacy database " + connection.getCatalog()
					+ " lacks the monolith's coupon tables " + missing + ": is COUPON_LEGACY_DB_NAME the mall's?");
		}
	}

}
