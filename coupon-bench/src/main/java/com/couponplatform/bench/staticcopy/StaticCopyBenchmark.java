package com.couponplatform.bench.staticcopy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.couponplatform.bench.claim.Machine;
import com.couponplatform.bench.legacy.MigrateScript;
import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.MigrationProperties;
import com.couponplatform.migration.Phase;
import com.couponplatform.phasemachine.PhaseMachine;
import com.couponplatform.phasemachine.Precondition;
import com.couponplatform.phasemachine.Transition;
import com.couponplatform.phasemachine.TransitionStatus;
import com.couponplatform.sharding.DatabaseProperties;

/**
 * The static copy (SINGLE_WRITE_OLD → STATIC_COPIED) over a generated legacy mall, run by
 * a real worker ({@code migrate.sh worker}) as an operator runs it, against the same
 * run's baseline: the rows the copy wrote into NEW, read back and inserted again by one
 * client into empty twins of their tables, a thousand rows a statement — the write cost
 * of those mapped rows with no reading of OLD, no mapping and no comparison.
 */
public final class StaticCopyBenchmark {

	private static final Pattern COPIED = Pattern.compile("copied (\\d+) rows in ([0-9.]+) s");

	private static final int ROWS_PER_INSERT = 1000;

	private StaticCopyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int codes = Integer.parseInt(env("BENCH_COPY_CODES", "300000"));
		int templates = Integer.parseInt(env("BENCH_COPY_TEMPLATES", "1000"));
		String prefix = env("COUPON_DB_PREFIX", "couponbench_copy_demo");
		String legacyName = env("COUPON_LEGACY_DB_NAME", "couponbench_copy_legacy_mall");
		DatabaseProperties database = database(prefix);
		execute(database.jdbcUrl(""), "DROP DATABASE IF EXISTS `" + legacyName + "`");
		MigrateScript.run("legacy-schema", "--database", legacyName);
		List<String> generate = List.of("legacy-generate", "--database", legacyName, "--users", "20000", "--templates",
				Integer.toString(templates), "--coupons", "40000", "--codes", Integer.toString(codes), "--seed", "1",
				"--now", "2026-12-01T00:00:00Z");
		MigrateScript.run(generate.toArray(String[]::new));
		MigrateScript.run("demo-reset");
		MigrateScript.run("schema");

		Process worker = new ProcessBuilder("./deploy/migrate.sh", "worker").redirectErrorStream(true)
			.redirectOutput(new File("coupon-bench/target/static-copy-worker.log"))
			.start();
		try {
			DriverManagerDataSource global = new DriverManagerDataSource(
					database.jdbcUrl(database.globalServer(), database.globalDatabase()), database.getUser(),
					database.getPassword());
			OldDatabase old = new OldDatabase(new DriverManagerDataSource(database.jdbcUrl(legacyName),
					database.getUser(), database.getPassword()), 60);
			PhaseMachine.Cli machine = PhaseMachine.cli(global, old, new MigrationProperties(), Clock.systemUTC());
			awaitWorker(machine, worker);
			for (Phase to : List.of(Phase.STATIC_FROZEN, Phase.SINGLE_WRITE_OLD)) {
				transition(machine, to);
			}
			Transition copy = transition(machine, Phase.STATIC_COPIED);
			String detail = copy.preconditions()
				.stream()
				.filter((check) -> "static-copy-equal".equals(check.name()))
				.map(Precondition::detail)
				.findFirst()
				.orElseThrow();
			Matcher copied = COPIED.matcher(detail);
			if (!copied.find()) {
				throw new IllegalStateException("the copy reported no figures: " + detail);
			}
			long copyRows = Long.parseLong(copied.group(1));
			double copySeconds = Double.parseDouble(copied.group(2));
			Baseline baseline = insertAgain(database);
			String report = "## Static copy benchmark — " + LocalDate.now() + ", " + Machine.describe() + "\n\n"
					+ "`./deploy/migrate.sh " + String.join(" ", generate) + "`, then LEGACY → STATIC_FROZEN → "
					+ "SINGLE_WRITE_OLD → STATIC_COPIED through `migrate.sh worker`\n\n"
					+ "| | rows | seconds | rows/s | ratio to baseline |\n|---|---|---|---|---|\n"
					+ row("static copy (read OLD at one point, map, write NEW insert-if-absent)", copyRows, copySeconds,
							baseline.rate())
					+ row("baseline: the same mapped rows, client-side multi-row INSERTs into empty twins",
							baseline.rows, baseline.seconds, baseline.rate())
					+ "\nRows per table of the baseline: " + baseline.perTable + "\n\nThe copy's report: " + detail
					+ "\n";
			System.out.println(report);
			Path out = Path.of("coupon-bench", "target", "static-copy-benchmark.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, report);
		}
		finally {
			worker.destroy();
			worker.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static void awaitWorker(PhaseMachine.Cli machine, Process worker) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		// The worker's start records the migration (phase LEGACY), then it heartbeats.
		while (machine.reads().read().processes() == null || machine.reads()
			.read()
			.processes()
			.stream()
			.noneMatch((process) -> "coupon-migration".equals(process.kind()))) {
			if (!worker.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("the worker did not start: coupon-bench/target/static-copy-worker.log");
			}
			Thread.sleep(500);
		}
	}

	private static Transition transition(PhaseMachine.Cli machine, Phase to) throws InterruptedException {
		Transition transition = machine.requests().request(to, null, "bench");
		while (true) {
			Transition now = machine.requests().read(transition.id());
			if (now.status() == TransitionStatus.DONE) {
				return now;
			}
			if (now.status() == TransitionStatus.FAILED) {
				throw new IllegalStateException(
						"transition to " + to + " failed: " + now.detail() + " " + now.preconditions());
			}
			Thread.sleep(100);
		}
	}

	/** The copy's rows, read back from NEW and inserted again into empty twins. */
	private static Baseline insertAgain(DatabaseProperties database) throws SQLException {
		Map<String, String> globalTables = new LinkedHashMap<>();
		globalTables.put("coupon_template", "id IN (SELECT template_id FROM migration_template_legacy)");
		globalTables.put("migration_template_legacy", "1 = 1");
		globalTables.put("sku_super_blacklist", "created_by = 'legacy-migration'");
		globalTables.put("code_batch", "id IN (SELECT batch_id FROM migration_code_batch)");
		globalTables.put("migration_code_batch", "1 = 1");
		globalTables.put("migration_code_legacy", "1 = 1");
		Map<String, Long> perTable = new LinkedHashMap<>();
		double seconds = 0;
		String url = database.jdbcUrl(database.globalServer(), database.globalDatabase());
		List<Long> batches = new ArrayList<>();
		try (Connection connection = connect(database, url);
				Statement statement = connection.createStatement();
				ResultSet ids = statement.executeQuery("SELECT batch_id FROM migration_code_batch")) {
			while (ids.next()) {
				batches.add(ids.getLong(1));
			}
		}
		seconds += twin(database, url, globalTables, perTable);
		String inBatches = batches.isEmpty() ? "1 = 0"
				: "batch_id IN (" + String.join(", ", batches.stream().map(String::valueOf).toList()) + ")";
		int tables = Integer.parseInt(env("COUPON_SHARDING_TABLES", "8"));
		for (int index = 0; index < Integer.parseInt(env("COUPON_SHARDING_DATABASES", "2")); index++) {
			Map<String, String> shardTables = new LinkedHashMap<>();
			for (int table = 0; table < tables; table++) {
				shardTables.put("redemption_code_" + table, inBatches);
			}
			seconds += twin(database, database.jdbcUrl(database.shardServer(index), database.shardDatabase(index)),
					shardTables, perTable);
		}
		long rows = perTable.values().stream().mapToLong(Long::longValue).sum();
		return new Baseline(rows, seconds, perTable);
	}

	/**
	 * @return the seconds the inserts took (reading the rows not counted)
	 */
	private static double twin(DatabaseProperties database, String url, Map<String, String> tables,
			Map<String, Long> perTable) throws SQLException {
		double seconds = 0;
		try (Connection connection = connect(database, url); Statement statement = connection.createStatement()) {
			for (Map.Entry<String, String> table : tables.entrySet()) {
				String twin = "bench_twin_" + table.getKey();
				statement.execute("DROP TABLE IF EXISTS " + twin);
				statement.execute("CREATE TABLE " + twin + " LIKE " + table.getKey());
				List<Object[]> rows = new ArrayList<>();
				int columns;
				try (ResultSet read = statement
					.executeQuery("SELECT * FROM " + table.getKey() + " WHERE " + table.getValue())) {
					columns = read.getMetaData().getColumnCount();
					while (read.next()) {
						Object[] row = new Object[columns];
						for (int column = 0; column < columns; column++) {
							row[column] = read.getObject(column + 1);
						}
						rows.add(row);
					}
				}
				long start = System.nanoTime();
				String marks = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
				for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
					List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
					try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + twin + " VALUES "
							+ String.join(", ", Collections.nCopies(chunk.size(), marks)))) {
						int parameter = 1;
						for (Object[] row : chunk) {
							for (Object value : row) {
								insert.setObject(parameter++, value);
							}
						}
						insert.executeUpdate();
					}
				}
				seconds += (System.nanoTime() - start) / 1e9;
				statement.execute("DROP TABLE " + twin);
				perTable.merge(table.getKey().startsWith("redemption_code_") ? "redemption_code" : table.getKey(),
						(long) rows.size(), Long::sum);
			}
		}
		return seconds;
	}

	private static String row(String what, long rows, double seconds, double baselineRate) {
		return String.format("| %s | %d | %.1f | %.0f | %.2f |%n", what, rows, seconds, rows / seconds,
				rows / seconds / baselineRate);
	}

	private static DatabaseProperties database(String prefix) {
		DatabaseProperties database = new DatabaseProperties();
		database.setHost(env("COUPON_DB_HOST", "127.0.0.1"));
		database.setPort(Integer.parseInt(env("COUPON_DB_PORT", "3306")));
		database.setUser(env("COUPON_DB_USER", "root"));
		database.setPassword(env("COUPON_DB_PASSWORD", ""));
		database.setPrefix(prefix);
		return database;
	}

	private static Connection connect(DatabaseProperties database, String url) throws SQLException {
		return DriverManager.getConnection(url, database.getUser(), database.getPassword());
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, env("COUPON_DB_USER", "root"),
				env("COUPON_DB_PASSWORD", "")); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? otherwise : value;
	}

	private record Baseline(long rows, double seconds, Map<String, Long> perTable) {

		double rate() {
			return this.rows / this.seconds;
		}

	}

}
