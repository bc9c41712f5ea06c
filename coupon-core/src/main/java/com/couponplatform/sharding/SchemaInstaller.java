package com.couponplatform.sharding;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Brings the installation's MySQL/MariaDB servers to the current schema: creates the
 * global and shard databases, each on its server, applies each {@code sql/} file once per
 * database, and records (then checks) N and M.
 *
 * <p>
 * Runs with plain JDBC before ShardingSphere starts, because ShardingSphere loads table
 * metadata when its data source is created. A server-wide named lock keeps two processes
 * that start together (api and admin) from applying the same file twice.
 */
public final class SchemaInstaller {

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
		String globalServer = this.database.globalServer();
		String current = globalServer;
		// The lock lives on the global database's server: every process of the
		// installation meets there, wherever its shards are.
		try (Connection server = connect(globalServer, "")) {
			String lock = this.database.getPrefix() + "_schema";
			acquire(server, lock);
			try {
				String global = this.database.globalDatabase();
				createDatabase(server, global);
				apply(globalServer, global, SchemaFolder.of("global"));
				checkLayout(globalServer, global);
				SchemaFolder shardScripts = SchemaFolder.of("shard");
				for (int i = 0; i < this.layout.databases(); i++) {
					current = this.database.shardServer(i);
					try (Connection shardServer = connect(current, "")) {
						createDatabase(shardServer, this.database.shardDatabase(i));
					}
					apply(current, this.database.shardDatabase(i), shardScripts);
				}
			}
			finally {
				release(server, lock);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot install the schema on " + current + ": " + ex.getMessage(), ex);
		}
	}

	private Connection connect(String server, String databaseName) throws SQLException {
		return DriverManager.getConnection(this.database.jdbcUrl(server, databaseName), this.database.getUser(),
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

	private void apply(String server, String databaseName, SchemaFolder folder) throws SQLException {
		try (Connection connection = connect(server, databaseName)) {
			folder.applyTo(connection, "schema_history", this.layout.tables(), this.clock);
		}
	}

	private void checkLayout(String server, String global) throws SQLException {
		try (Connection connection = connect(server, global)) {
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
