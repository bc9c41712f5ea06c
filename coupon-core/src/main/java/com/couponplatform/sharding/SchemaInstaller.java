package com.couponplatform.sharding;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Brings a MySQL/MariaDB server to the current schema: creates the global and shard
 * databases, applies each {@code sql/} file once per database, and records (then checks)
 * N and M.
 *
 * <p>
 * Runs with plain JDBC before ShardingSphere starts, because ShardingSphere loads table
 * metadata when its data source is created. A server-wide named lock keeps two processes
 * that start together (api and admin) from applying the same file twice.
 */
public final class SchemaInstaller {

	private static final Logger logger = LoggerFactory.getLogger(SchemaInstaller.class);

	private static final int LOCK_TIMEOUT_SECONDS = 120;

	private final DatabaseProperties database;

	private final ShardingLayout layout;

	private final Clock clock;

	public SchemaInstaller(DatabaseProperties database, ShardingLayout layout, Clock clock) {
		this.database = database;
		this.layout = layout;
		this.clock = clock;
	}

	/**
	 * Creates or upgrades every database of the installation.
	 * @throws ShardingLayoutMismatchException when the recorded N and M differ from the
	 * configured ones
	 */
	public void install() {
		try (Connection server = connect("")) {
			String lock = this.database.getPrefix() + "_schema";
			acquire(server, lock);
			try {
				String global = this.database.globalDatabase();
				createDatabase(server, global);
				apply(global, scripts("global"));
				checkLayout(global);
				List<SqlScript> shardScripts = scripts("shard");
				for (int i = 0; i < this.layout.databases(); i++) {
					createDatabase(server, this.database.shardDatabase(i));
					apply(this.database.shardDatabase(i), shardScripts);
				}
			}
			finally {
				release(server, lock);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot install the schema on " + this.database.getHost() + ":"
					+ this.database.getPort() + ": " + ex.getMessage(), ex);
		}
	}

	private Connection connect(String databaseName) throws SQLException {
		return DriverManager.getConnection(this.database.jdbcUrl(databaseName), this.database.getUser(),
				this.database.getPassword());
	}

	private static void acquire(Connection server, String lock) throws SQLException {
		try (PreparedStatement statement = server.prepareStatement("SELECT GET_LOCK(?, ?)")) {
			statement.setString(1, lock);
			statement.setInt(2, LOCK_TIMEOUT_SECONDS);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next() || result.getInt(1) != 1) {
					throw new IllegalStateException("Timed out waiting for the schema lock " + lock);
				}
			}
		}
	}

	private static void release(Connection server, String lock) throws SQLException {
		try (PreparedStatement statement = server.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, lock);
			statement.executeQuery().close();
		}
	}

	private static void createDatabase(Connection server, String name) throws SQLException {
		try (Statement statement = server.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
	}

	private static List<SqlScript> scripts(String folder) {
		try {
			List<SqlScript> scripts = new ArrayList<>(Arrays
				.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:sql/" + folder + "/V*.sql"))
				.map(SqlScript::load)
				.toList());
			scripts.sort(null);
			return scripts;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the schema files of sql/" + folder, ex);
		}
	}

	private void apply(String databaseName, List<SqlScript> scripts) throws SQLException {
		try (Connection connection = connect(databaseName); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS schema_history (version INT NOT NULL PRIMARY KEY, "
					+ "script VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, applied_at DATETIME(3) NOT NULL)");
			for (SqlScript script : scripts) {
				String applied = appliedChecksum(connection, script.version());
				if (applied == null) {
					for (String sql : script.statements(this.layout.tables())) {
						statement.execute(sql);
					}
					record(connection, script);
					logger.info("Applied {} to {}", script.name(), databaseName);
				}
				else if (!applied.equals(script.checksum())) {
					throw new IllegalStateException("Schema file " + script.name() + " changed after it was applied to "
							+ databaseName + ": add a new version instead of editing a shipped one");
				}
			}
		}
	}

	private static String appliedChecksum(Connection connection, int version) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("SELECT checksum FROM schema_history WHERE version = ?")) {
			query.setInt(1, version);
			try (ResultSet result = query.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

	private void record(Connection connection, SqlScript script) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO schema_history (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
			insert.setInt(1, script.version());
			insert.setString(2, script.name());
			insert.setString(3, script.checksum());
			insert.setTimestamp(4, Timestamp.from(this.clock.instant()));
			insert.executeUpdate();
		}
	}

	private void checkLayout(String global) throws SQLException {
		try (Connection connection = connect(global)) {
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT IGNORE INTO sharding_layout (id, databases_count, tables_count, created_at) VALUES (1, ?, ?, ?)")) {
				insert.setInt(1, this.layout.databases());
				insert.setInt(2, this.layout.tables());
				insert.setTimestamp(3, Timestamp.from(this.clock.instant()));
				insert.executeUpdate();
			}
			try (Statement query = connection.createStatement();
					ResultSet result = query
						.executeQuery("SELECT databases_count, tables_count FROM sharding_layout WHERE id = 1")) {
				result.next();
				ShardingLayout recorded = new ShardingLayout(result.getInt(1), result.getInt(2));
				if (!recorded.equals(this.layout)) {
					throw new ShardingLayoutMismatchException(global, recorded, this.layout);
				}
			}
		}
	}

}
