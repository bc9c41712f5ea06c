package com.couponplatform.migrationtool;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.couponplatform.sharding.DatabaseProperties;
import com.couponplatform.sharding.ShardingLayout;

/**
 * {@code check}: every database server the configuration names (global, each shard, each
 * replica, the legacy one) answers {@code SELECT 1} within a few seconds. It writes
 * nothing, so it serves as an operator's pre-flight and as the migration image's health
 * check.
 */
final class ServerCheck {

	/** Bounded, so a frozen server fails the check instead of hanging it. */
	private static final String TIMEOUTS = "&connectTimeout=2000&socketTimeout=3000";

	private final DatabaseProperties database;

	private final ShardingLayout layout;

	private final DatabaseProperties legacy;

	private final PrintStream out;

	/**
	 * @param legacy the legacy database's server, or {@code null} when none is configured
	 */
	ServerCheck(DatabaseProperties database, ShardingLayout layout, DatabaseProperties legacy, PrintStream out) {
		this.database = database;
		this.layout = layout;
		this.legacy = legacy;
		this.out = out;
	}

	/**
	 * @return 0 when every server answered, 1 otherwise
	 */
	int run() {
		int unreachable = 0;
		for (Server server : servers()) {
			String failure = ping(server);
			if (failure == null) {
				this.out.println("ok          " + server.role() + " " + server.hostAndPort());
			}
			else {
				unreachable++;
				this.out.println("unreachable " + server.role() + " " + server.hostAndPort() + ": " + failure);
			}
		}
		return (unreachable == 0) ? 0 : 1;
	}

	/** In the order an operator reads them. */
	private List<Server> servers() {
		List<Server> servers = new ArrayList<>();
		servers.add(new Server("global", this.database.globalServer(), this.database));
		for (int index = 0; index < this.layout.databases(); index++) {
			servers.add(new Server("ds_" + index, this.database.shardServer(index), this.database));
			int replica = 0;
			for (String hostAndPort : this.database.shardReplicas(index)) {
				servers.add(new Server("ds_" + index + "_replica_" + replica++, hostAndPort, this.database));
			}
		}
		if (this.legacy != null) {
			servers.add(new Server("legacy", this.legacy.getHost() + ":" + this.legacy.getPort(), this.legacy));
		}
		return servers;
	}

	private String ping(Server server) {
		String url = this.database.jdbcUrl(server.hostAndPort(), "") + TIMEOUTS;
		try (Connection connection = DriverManager.getConnection(url, server.credentials().getUser(),
				server.credentials().getPassword()); Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
			return null;
		}
		catch (SQLException ex) {
			// The driver's message runs over several lines; the first names the failure.
			String message = String.valueOf(ex.getMessage());
			return message.lines().findFirst().orElse(message);
		}
	}

	private record Server(String role, String hostAndPort, DatabaseProperties credentials) {
	}

}
