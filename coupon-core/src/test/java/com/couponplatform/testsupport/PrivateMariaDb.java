package com.couponplatform.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a test's own: installed into a temporary data directory and started
 * on a free loopback port, never touching the machine's shared server. Fault and
 * replication tests stop, pause or replicate it at will.
 */
public final class PrivateMariaDb implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final Path directory;

	private final int port;

	private final Process process;

	private PrivateMariaDb(Path directory, int port, Process process) {
		this.directory = directory;
		this.port = port;
		this.process = process;
	}

	/**
	 * Installs and starts a server with binary logging (so it can be a primary).
	 * @param serverId its replication server ID, unique among servers that replicate
	 * @param readOnly whether it refuses writes of ordinary users (a replica)
	 * @return the running server, accepting connections as root with no password
	 * @throws IOException when it cannot be installed or does not start in time
	 */
	public static PrivateMariaDb start(int serverId, boolean readOnly) throws IOException {
		Path directory = Files.createTempDirectory("coupon-mariadb-");
		Path data = directory.resolve("data");
		run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=root",
				"--auth-root-authentication-method=normal", "--skip-test-db"), directory.resolve("install.log"));
		int port = freePort();
		List<String> command = new ArrayList<>(List.of("mariadbd", "--no-defaults", "--datadir=" + data,
				"--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("mysqld.sock"),
				"--user=root", "--server-id=" + serverId, "--log-bin=" + directory.resolve("bin"),
				"--binlog-format=ROW", "--pid-file=" + directory.resolve("mysqld.pid"), "--innodb-buffer-pool-size=64M",
				"--max-connections=200"));
		if (readOnly) {
			command.add("--read-only=1");
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(directory.resolve("mariadbd.log").toFile())
			.start();
		PrivateMariaDb server = new PrivateMariaDb(directory, port, process);
		server.awaitReady();
		return server;
	}

	public int port() {
		return this.port;
	}

	public String hostAndPort() {
		return "127.0.0.1:" + this.port;
	}

	/**
	 * @return a new connection as root to the server (no database selected)
	 * @throws SQLException when it cannot connect
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(
				"jdbc:mysql://127.0.0.1:" + this.port
						+ "/?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=2000&serverTimezone=UTC",
				"root", "");
	}

	/**
	 * Runs statements in order.
	 * @param statements SQL statements
	 * @throws SQLException when one fails
	 */
	public void execute(String... statements) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * A single value.
	 * @param sql a query of one row and column
	 * @return its value as text
	 * @throws SQLException when it fails
	 */
	public String query(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

	/**
	 * Makes this server a replica of another and starts replicating.
	 * @param primary the server to replicate from, which gets a replication user
	 * @throws SQLException when a statement fails
	 */
	public void replicateFrom(PrivateMariaDb primary) throws SQLException {
		primary.execute("CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY 'repl-password'",
				"GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'");
		execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
				+ ", MASTER_USER='repl', MASTER_PASSWORD='repl-password', MASTER_USE_GTID=slave_pos", "START SLAVE");
	}

	/**
	 * Waits until this replica has applied everything the primary has written so far.
	 * @param primary the primary
	 * @param timeout the longest wait
	 * @throws SQLException when it did not catch up in time
	 */
	public void awaitCaughtUp(PrivateMariaDb primary, Duration timeout) throws SQLException {
		String position = primary.query("SELECT @@gtid_binlog_pos");
		String reached = query("SELECT MASTER_GTID_WAIT('" + position + "', " + timeout.toSeconds() + ")");
		if (!"0".equals(reached)) {
			throw new SQLException("Replica did not reach " + position + " within " + timeout + ": "
					+ query("SELECT @@gtid_slave_pos"));
		}
	}

	/**
	 * Stops the replica's applier: changes arrive but are not applied (replication lag).
	 */
	public void pauseApplying() throws SQLException {
		execute("STOP SLAVE SQL_THREAD");
	}

	public void resumeApplying() throws SQLException {
		execute("START SLAVE SQL_THREAD");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private void awaitReady() throws IOException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (true) {
			try (Connection connection = connect()) {
				return;
			}
			catch (SQLException ex) {
				if (!this.process.isAlive() || System.nanoTime() > deadline) {
					this.process.destroyForcibly();
					throw new IOException("mariadbd did not start; see " + this.directory.resolve("mariadbd.log"), ex);
				}
				sleep(100);
			}
		}
	}

	private static void run(List<String> command, Path log) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IOException(String.join(" ", command) + " failed; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
