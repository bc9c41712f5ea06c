package com.couponplatform.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.couponplatform.sharding.DatabaseProperties;

/**
 * Where the integration tests find MariaDB/MySQL, Redis and RocketMQ: the
 * {@code COUPON_*} environment variables of PRODUCT.md, defaulting to loopback. Every
 * test run gets its own database prefix, Redis key prefix and topic prefix, so tests
 * share the services with a running stack and with each other without touching their
 * data.
 */
public final class TestServices {

	private static final Map<String, String> ENV = System.getenv();

	private static String jvmPrefix;

	private TestServices() {
	}

	public static String dbHost() {
		return TestEnvironment.usesContainers() ? TestContainers.mysql().getHost()
				: ENV.getOrDefault("COUPON_DB_HOST", "127.0.0.1");
	}

	public static int dbPort() {
		return TestEnvironment.usesContainers() ? TestContainers.mysql().getMappedPort(3306)
				: Integer.parseInt(ENV.getOrDefault("COUPON_DB_PORT", "3306"));
	}

	public static String dbUser() {
		return TestEnvironment.usesContainers() ? "root" : ENV.getOrDefault("COUPON_DB_USER", "root");
	}

	public static String dbPassword() {
		return TestEnvironment.usesContainers() ? TestContainers.MYSQL_PASSWORD
				: ENV.getOrDefault("COUPON_DB_PASSWORD", "");
	}

	public static String redisHost() {
		return TestEnvironment.usesContainers() ? TestContainers.redis().getHost()
				: ENV.getOrDefault("COUPON_REDIS_HOST", "127.0.0.1");
	}

	public static int redisPort() {
		return TestEnvironment.usesContainers() ? TestContainers.redis().getMappedPort(6379)
				: Integer.parseInt(ENV.getOrDefault("COUPON_REDIS_PORT", "6379"));
	}

	public static String rocketMqNameServer() {
		return TestEnvironment.usesContainers()
				? TestContainers.rocketMq().getHost() + ":" + TestContainers.rocketMq().getMappedPort(9876)
				: ENV.getOrDefault("COUPON_ROCKETMQ_NAMESRV", "127.0.0.1:9876");
	}

	/**
	 * A fresh prefix for databases, Redis keys and topics: {@code it_<random>}.
	 * @return a prefix no other run uses
	 */
	public static String uniquePrefix() {
		return "it_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
	}

	/**
	 * Database settings for a prefix.
	 * @param prefix the test's prefix
	 * @return properties pointing at the test server
	 */
	public static DatabaseProperties database(String prefix) {
		DatabaseProperties properties = new DatabaseProperties();
		properties.setHost(dbHost());
		properties.setPort(dbPort());
		properties.setUser(dbUser());
		properties.setPassword(dbPassword());
		properties.setPrefix(prefix);
		properties.setPoolSize(4);
		return properties;
	}

	/**
	 * Spring properties for an application context of a test run, as {@code key=value}
	 * pairs.
	 * @param prefix the test's prefix
	 * @return properties for {@code @SpringBootTest(properties = …)} or a
	 * {@code DynamicPropertyRegistry}
	 */
	public static Map<String, String> springProperties(String prefix) {
		return Map.of("coupon.db.host", dbHost(), "coupon.db.port", Integer.toString(dbPort()), "coupon.db.user",
				dbUser(), "coupon.db.password", dbPassword(), "coupon.db.prefix", prefix, "coupon.redis.host",
				redisHost(), "coupon.redis.port", Integer.toString(redisPort()), "coupon.redis.key-prefix",
				prefix + ":", "coupon.rocketmq.namesrv", rocketMqNameServer());
	}

	/**
	 * The prefix of this test JVM's application contexts; its databases are dropped when
	 * the JVM exits.
	 * @return a prefix shared by every Spring test context of this JVM
	 */
	public static synchronized String jvmPrefix() {
		if (jvmPrefix == null) {
			jvmPrefix = prefixDroppedAtExit();
		}
		return jvmPrefix;
	}

	/**
	 * A fresh prefix whose databases are dropped when the JVM exits, after the
	 * application contexts using them have closed.
	 * @return a prefix no other run uses
	 */
	public static String prefixDroppedAtExit() {
		String prefix = uniquePrefix();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabases(prefix), "drop-test-databases"));
		return prefix;
	}

	/**
	 * Command-line arguments for an application of an installation of its own (its
	 * databases and Redis keys under the prefix) on the environment's Redis and broker,
	 * whose background jobs run only when a test calls them; the test names the database
	 * servers.
	 * @param prefix the installation's prefix
	 * @param extra the {@code coupon.db.*} servers and credentials, and further
	 * {@code key=value} properties
	 * @return {@code --key=value} arguments, with a random server port
	 */
	public static String[] installationArguments(String prefix, String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--coupon.db.prefix=" + prefix,
				"--coupon.redis.host=" + redisHost(), "--coupon.redis.port=" + redisPort(),
				"--coupon.redis.key-prefix=" + prefix + ":", "--coupon.rocketmq.namesrv=" + rocketMqNameServer(),
				"--coupon.jwt.secret=" + TestTokens.SECRET, "--coupon.claim.reconcile-interval=0s",
				"--coupon.checkout.lock-sweep-interval=0s", "--coupon.checkout.expiry-interval=0s"));
		for (String property : extra) {
			args.add("--" + property);
		}
		return args.toArray(String[]::new);
	}

	/**
	 * Command-line arguments that start an application on this JVM's services, for tests
	 * that start one themselves (for example to watch it refuse to start).
	 * @param extra further {@code key=value} properties
	 * @return {@code --key=value} arguments, with a random server port
	 */
	public static String[] commandLine(String... extra) {
		List<String> args = new ArrayList<>();
		springProperties(jvmPrefix()).forEach((key, value) -> args.add("--" + key + "=" + value));
		if (Arrays.stream(extra).noneMatch((property) -> property.startsWith("server.port="))) {
			args.add("--server.port=0");
		}
		for (String property : extra) {
			args.add("--" + property);
		}
		return args.toArray(String[]::new);
	}

	/**
	 * Drops every database of a test prefix.
	 * @param prefix the test's prefix
	 */
	public static void dropDatabases(String prefix) {
		try (Connection connection = DriverManager.getConnection(database(prefix).jdbcUrl(""), dbUser(), dbPassword());
				Statement statement = connection.createStatement()) {
			List<String> names = new ArrayList<>();
			try (ResultSet result = statement.executeQuery("SHOW DATABASES LIKE '" + prefix + "\\_%'")) {
				while (result.next()) {
					names.add(result.getString(1));
				}
			}
			for (String name : names) {
				statement.execute("DROP DATABASE `" + name + "`");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop the test databases of " + prefix, ex);
		}
	}

}
