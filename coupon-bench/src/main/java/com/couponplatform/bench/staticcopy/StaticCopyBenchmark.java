package com.couponplatform.bench.staticcopy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.couponplatform.bench.claim.Machine;
import com.couponplatform.bench.legacy.BenchMigration;
import com.couponplatform.bench.legacy.MigrateScript;
import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.MigrationProperties;
import com.couponplatform.migration.Phase;
import com.couponplatform.phasemachine.PhaseMachine;
import com.couponplatform.phasemachine.Precondition;
import com.couponplatform.phasemachine.Transition;
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

	private StaticCopyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int codes = Integer.parseInt(BenchMigration.env("BENCH_COPY_CODES", "300000"));
		int templates = Integer.parseInt(BenchMigration.env("BENCH_COPY_TEMPLATES", "1000"));
		String prefix = BenchMigration.env("COUPON_DB_PREFIX", "couponbench_copy_demo");
		String legacyName = BenchMigration.env("COUPON_LEGACY_DB_NAME", "couponbench_copy_legacy_mall");
		DatabaseProperties database = BenchMigration.database(prefix);
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
			BenchMigration.awaitWorker(machine, worker, "coupon-bench/target/static-copy-worker.log");
			for (Phase to : List.of(Phase.STATIC_FROZEN, Phase.SINGLE_WRITE_OLD)) {
				BenchMigration.transition(machine, to);
			}
			Transition copy = BenchMigration.transition(machine, Phase.STATIC_COPIED);
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
		try (Connection connection = BenchMigration.connect(database, url);
				Statement statement = connection.createStatement();
				ResultSet ids = statement.executeQuery("SELECT batch_id FROM migration_code_batch")) {
			while (ids.next()) {
				batches.add(ids.getLong(1));
			}
		}
		seconds += BenchMigration.twin(database, url, globalTables, perTable);
		String inBatches = batches.isEmpty() ? "1 = 0"
				: "batch_id IN (" + String.join(", ", batches.stream().map(String::valueOf).toList()) + ")";
		int tables = Integer.parseInt(BenchMigration.env("COUPON_SHARDING_TABLES", "8"));
		for (int index = 0; index < Integer.parseInt(BenchMigration.env("COUPON_SHARDING_DATABASES", "2")); index++) {
			Map<String, String> shardTables = new LinkedHashMap<>();
			for (int table = 0; table < tables; table++) {
				shardTables.put("redemption_code_" + table, inBatches);
			}
			seconds += BenchMigration.twin(database,
					database.jdbcUrl(database.shardServer(index), database.shardDatabase(index)), shardTables,
					perTable);
		}
		long rows = perTable.values().stream().mapToLong(Long::longValue).sum();
		return new Baseline(rows, seconds, perTable);
	}

	private static String row(String what, long rows, double seconds, double baselineRate) {
		return String.format("| %s | %d | %.1f | %.0f | %.2f |%n", what, rows, seconds, rows / seconds,
				rows / seconds / baselineRate);
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, BenchMigration.env("COUPON_DB_USER", "root"),
				BenchMigration.env("COUPON_DB_PASSWORD", "")); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private record Baseline(long rows, double seconds, Map<String, Long> perTable) {

		double rate() {
			return this.rows / this.seconds;
		}

	}

}
