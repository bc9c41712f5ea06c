package com.couponplatform.migrationtool.legacy;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.couponplatform.legacy.LegacySchema;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.sharding.DatabaseProperties;

/**
 * The {@code legacy-schema} and {@code legacy-generate} commands: a legacy database for
 * tests and benchmarks, on the server of {@code COUPON_LEGACY_DB_*} (default the
 * {@code COUPON_DB_*} server).
 */
public final class LegacyCommands {

	private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

	private final DatabaseProperties server;

	private final PrintStream out;

	private final Clock clock;

	public LegacyCommands(DatabaseProperties server, PrintStream out, Clock clock) {
		this.server = server;
		this.out = out;
		this.clock = clock;
	}

	/**
	 * Creates a database (if missing) with the legacy tables.
	 * @param database its name
	 * @throws SQLException when the server refuses
	 * @throws IllegalStateException when the database has tables already
	 */
	public void createSchema(String database) throws SQLException {
		checkName(database);
		try (Connection server = connect(""); Statement statement = server.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4");
		}
		try (Connection connection = connect(database)) {
			LegacySchema.createMallTables(connection);
		}
		this.out.println("Created the legacy tables in " + database);
	}

	/**
	 * Fills a legacy database and prints the count of each quirk.
	 * @param database its name, tables created and empty
	 * @param settings what to generate
	 * @return the counts
	 * @throws SQLException when the server refuses
	 */
	public QuirkCounts generate(String database, GeneratorSettings settings) throws SQLException {
		checkName(database);
		Instant start = this.clock.instant();
		try (Connection connection = connect(database)) {
			QuirkCounts counts = new LegacyDataGenerator(settings)
				.generate(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
			Duration took = Duration.between(start, this.clock.instant());
			counts.asMap().forEach((quirk, count) -> this.out.println(quirk + " " + count));
			long rows = counts.get("rows.total");
			this.out.printf("Wrote %d rows in %.1f s (%.0f rows/s); seed %d, now %s, zone %s%n", rows,
					took.toMillis() / 1000.0, rows * 1000.0 / Math.max(1, took.toMillis()), settings.seed(),
					settings.now(), settings.zone());
			return counts;
		}
	}

	/**
	 * The legacy zone configured by {@code COUPON_LEGACY_TIME_ZONE}.
	 * @param configured the variable's value, or {@code null}
	 * @return the zone
	 */
	public static ZoneId zone(String configured) {
		return (configured == null || configured.isBlank()) ? LegacyTime.DEFAULT_ZONE : ZoneId.of(configured);
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(this.server.jdbcUrl(database), this.server.getUser(),
				this.server.getPassword());
	}

	private static void checkName(String database) {
		if (!DATABASE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException("--database must be 1-64 letters, digits or underscores: " + database);
		}
	}

}
