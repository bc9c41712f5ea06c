package com.couponplatform.sharding;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The versioned scripts of one {@code sql/} folder, applied to a database once each, in
 * version order, and recorded in a history table of that database (whose name the caller
 * chooses: the legacy database only takes tables named {@code t_coupon_migration_…}).
 */
public final class SchemaFolder {

	private static final Logger logger = LoggerFactory.getLogger(SchemaFolder.class);

	private final String folder;

	private final List<SqlScript> scripts;

	private SchemaFolder(String folder, List<SqlScript> scripts) {
		this.folder = folder;
		this.scripts = scripts;
	}

	/**
	 * Reads the scripts of a folder from the classpath.
	 * @param folder the folder under {@code sql/}, such as {@code shard} or
	 * {@code legacy/platform}
	 * @return its scripts in version order
	 */
	public static SchemaFolder of(String folder) {
		try {
			// A folder may be on the classpath twice (a module's classes and its jar):
			// one script per version; two different ones of a version are an error.
			Map<Integer, SqlScript> byVersion = new TreeMap<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:sql/" + folder + "/V*.sql")) {
				SqlScript script = SqlScript.load(resource);
				SqlScript other = byVersion.putIfAbsent(script.version(), script);
				if (other != null && !other.checksum().equals(script.checksum())) {
					throw new IllegalStateException("Two schema files of version " + script.version() + " in sql/"
							+ folder + ": " + other.name() + " and " + script.name());
				}
			}
			return new SchemaFolder(folder, new ArrayList<>(byVersion.values()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the schema files of sql/" + folder, ex);
		}
	}

	/**
	 * Applies every script not applied yet and checks that the applied ones are
	 * unchanged.
	 * @param connection a connection to the database
	 * @param historyTable the table that records what was applied
	 * @param tables M, for per-physical-table templates
	 * @param clock the clock of the record
	 * @throws SQLException when a statement fails
	 * @throws IllegalStateException when an applied script was edited
	 */
	public void applyTo(Connection connection, String historyTable, int tables, Clock clock) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + historyTable + " (version INT NOT NULL PRIMARY KEY, "
					+ "script VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, applied_at DATETIME(3) NOT NULL)");
			for (SqlScript script : this.scripts) {
				String applied = appliedChecksum(connection, historyTable, script.version());
				if (applied == null) {
					for (String sql : script.statements(tables)) {
						statement.execute(sql);
					}
					record(connection, historyTable, script, clock);
					logger.info("Applied sql/{}/{} to {}", this.folder, script.name(), connection.getCatalog());
				}
				else if (!applied.equals(script.checksum())) {
					throw new IllegalStateException("Schema file " + script.name() + " changed after it was applied to "
							+ connection.getCatalog() + ": add a new version instead of editing a shipped one");
				}
			}
		}
	}

	/**
	 * The statements of every script, for a database without a history of its own (a
	 * fixture built in one go).
	 * @return the statements in version and file order
	 */
	public List<String> statements() {
		return this.scripts.stream().flatMap((script) -> script.statements(1).stream()).toList();
	}

	private static String appliedChecksum(Connection connection, String historyTable, int version) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("SELECT checksum FROM " + historyTable + " WHERE version = ?")) {
			query.setInt(1, version);
			try (ResultSet result = query.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

	private static void record(Connection connection, String historyTable, SqlScript script, Clock clock)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO " + historyTable + " (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
			insert.setInt(1, script.version());
			insert.setString(2, script.name());
			insert.setString(3, script.checksum());
			insert.setTimestamp(4, Timestamp.from(clock.instant()));
			insert.executeUpdate();
		}
	}

}
