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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.couponplatform.gateway.OldWrites;
import com.couponplatform.legacy.LegacySchema;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.sharding.DatabaseProperties;

/**
 * The {@code legacy-schema}, {@code legacy-generate} and {@code legacy-demo} commands: a
 * legacy database for tests and benchmarks, on the server of {@code COUPON_LEGACY_DB_*}
 * (default the {@code COUPON_DB_*} server).
 */
public final class LegacyCommands {

	/** The demo's online template. */
	public static final long DEMO_TEMPLATE_ID = 900_001;

	/** The demo's unused single-use code, as the monolith stored it. */
	public static final String DEMO_CODE = "DEMO-CODE-0001";

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
	 * A legacy database for trying the platform on (run.sh --legacy-demo): rebuilt from
	 * scratch — a small generated mall with every quirk, plus one online template
	 * ({@value #DEMO_TEMPLATE_ID}, spend 100.00 save 10.00, one per user) and one unused
	 * code ({@value #DEMO_CODE}) that the legacy walkthrough uses.
	 * @param database its name, which must end in {@code _legacy_mall}: the command drops
	 * it first
	 * @param now the instant the data is generated around
	 * @param zone the legacy zone
	 * @throws SQLException when the server refuses
	 */
	public void demo(String database, Instant now, ZoneId zone) throws SQLException {
		checkName(database);
		if (!database.endsWith("_legacy_mall")) {
			throw new IllegalArgumentException(
					"a demo database's name ends in _legacy_mall (it is dropped first): " + database);
		}
		try (Connection server = connect(""); Statement statement = server.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
		}
		createSchema(database);
		generate(database, new GeneratorSettings(200, 12, 2_000, 200, 20_261_203L, now, zone));
		LegacyTime time = new LegacyTime(zone);
		String at = OldWrites.text(time.toLocal(now));
		String from = OldWrites.text(time.toLocal(now.minus(Duration.ofHours(1))));
		String until = OldWrites.text(time.toLocal(now.plus(Duration.ofDays(3650))));
		try (Connection connection = connect(database)) {
			JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			sql.sql("INSERT INTO t_coupon_template (id, title, coupon_kind, face_value, min_order_amt, discount_rate, "
					+ "max_cut, total_count, taken_count, per_user_limit, grab_start, grab_end, use_start, use_end, "
					+ "valid_days, status, scope_type, operator, create_time, update_time) VALUES (?, 'Demo: spend 100 "
					+ "save 10', 2, 10.00, 100.00, 0.0, NULL, 1000, 0, 1, ?, ?, NULL, NULL, 30, 1, 0, 'demo', ?, ?)")
				.params(DEMO_TEMPLATE_ID, from, until, at, at)
				.update();
			sql.sql("INSERT INTO t_coupon_code (code, tpl_id, batch_no, state, uid, exchange_time) "
					+ "VALUES (?, ?, 'DEMO', 0, NULL, NULL)")
				.params(DEMO_CODE, DEMO_TEMPLATE_ID)
				.update();
		}
		this.out.println("Demo template " + DEMO_TEMPLATE_ID + " (spend 100.00 save 10.00) and code " + DEMO_CODE
				+ " in " + database);
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
