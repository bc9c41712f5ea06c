package com.couponplatform.bench.migrationcopy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.couponplatform.bench.claim.Machine;
import com.couponplatform.bench.legacy.BenchMigration;
import com.couponplatform.bench.legacy.MigrateScript;
import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.MigrationProperties;
import com.couponplatform.migration.Phase;
import com.couponplatform.phasemachine.PhaseMachine;
import com.couponplatform.replication.Backfill;
import com.couponplatform.replication.Verifications;
import com.couponplatform.sharding.DatabaseProperties;

/**
 * BACKFILL over a generated legacy mall of a million coupons, run by a real worker
 * ({@code migrate.sh worker}) as an operator runs it — LEGACY → … → DUAL_WRITE →
 * BACKFILL, with no live writes —, against the same run's baseline: the rows the backfill
 * wrote into NEW's user tables, read back and inserted again by one client into empty
 * twins, a thousand rows a statement (the write cost of those mapped rows with no reading
 * of OLD, no mapping, no comparison and no per-user lock). Then one verification run over
 * every user, timed.
 */
public final class MigrationCopyBenchmark {

	/** NEW's tables the backfill writes, per physical table. */
	private static final List<String> USER_TABLES = List.of("user_coupon", "legacy_coupon", "coupon_usage",
			"migration_user_copy");

	private MigrationCopyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int coupons = Integer.parseInt(BenchMigration.env("BENCH_MIGRATION_COUPONS", "1000000"));
		int users = Integer.parseInt(BenchMigration.env("BENCH_MIGRATION_USERS", "50000"));
		String prefix = BenchMigration.env("COUPON_DB_PREFIX", "couponbench_migration_demo");
		String legacyName = BenchMigration.env("COUPON_LEGACY_DB_NAME", "couponbench_migration_legacy_mall");
		DatabaseProperties database = BenchMigration.database(prefix);
		JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(""), database.getUser(), database.getPassword()))
			.sql("DROP DATABASE IF EXISTS `" + legacyName + "`")
			.update();
		MigrateScript.run("legacy-schema", "--database", legacyName);
		List<String> generate = List.of("legacy-generate", "--database", legacyName, "--users", Integer.toString(users),
				"--templates", "200", "--coupons", Integer.toString(coupons), "--codes", "20000", "--seed", "1",
				"--now", "2026-12-01T00:00:00Z");
		MigrateScript.run(generate.toArray(String[]::new));
		MigrateScript.run("demo-reset");
		MigrateScript.run("schema");

		String log = "coupon-bench/target/migration-copy-worker.log";
		Process worker = new ProcessBuilder("./deploy/migrate.sh", "worker").redirectErrorStream(true)
			.redirectOutput(new File(log))
			.start();
		try {
			DriverManagerDataSource global = new DriverManagerDataSource(
					database.jdbcUrl(database.globalServer(), database.globalDatabase()), database.getUser(),
					database.getPassword());
			OldDatabase old = new OldDatabase(new DriverManagerDataSource(database.jdbcUrl(legacyName),
					database.getUser(), database.getPassword()), 60);
			PhaseMachine.Cli machine = PhaseMachine.cli(global, old, new MigrationProperties(), Clock.systemUTC());
			BenchMigration.awaitWorker(machine, worker, log);
			for (Phase to : List.of(Phase.STATIC_FROZEN, Phase.SINGLE_WRITE_OLD, Phase.STATIC_COPIED, Phase.DUAL_WRITE,
					Phase.BACKFILL)) {
				BenchMigration.transition(machine, to);
			}
			JdbcClient globalSql = JdbcClient.create(global);
			while (Backfill.progress(globalSql).status() != Backfill.Status.COMPLETE) {
				if (!worker.isAlive()) {
					throw new IllegalStateException("the worker died: " + log);
				}
				Thread.sleep(500);
			}
			Backfill.Progress backfill = Backfill.progress(globalSql);
			double backfillSeconds = backfill.rowsCopied() / (double) backfill.perSecond();
			Map<String, Long> written = new LinkedHashMap<>();
			double baselineSeconds = baseline(database, written);
			long newRows = written.values().stream().mapToLong(Long::longValue).sum();

			Verifications verifications = new Verifications(global);
			Verifications.Report requested = verifications.request(Phase.BACKFILL, null, null, "bench");
			Verifications.Report run = requested;
			while (run.status() == Verifications.Status.RUNNING) {
				Thread.sleep(500);
				run = verifications.read(requested.id());
			}
			double verifySeconds = Duration.between(run.requestedAt(), run.finishedAt()).toMillis() / 1000.0;

			String report = "## Migration copy benchmark — " + LocalDate.now() + ", " + Machine.describe() + "\n\n"
					+ "`./deploy/migrate.sh " + String.join(" ", generate)
					+ "`, then LEGACY → … → DUAL_WRITE → BACKFILL "
					+ "through `migrate.sh worker` (no live writes; backfill throttle off), then one verification run\n\n"
					+ "| | rows | seconds | rows/s | ratio to baseline |\n|---|---|---|---|---|\n"
					+ row("backfill: rows written into NEW (each user read from OLD, mapped, compared and written under "
							+ "its copy lock; use log by ID; code states)", newRows, backfillSeconds,
							newRows / baselineSeconds)
					+ row("baseline: the same NEW rows, client-side multi-row INSERTs into empty twins", newRows,
							baselineSeconds, newRows / baselineSeconds)
					+ "\nThe backfill's own count: " + backfill.usersMigrated() + " users, " + backfill.rowsCopied()
					+ " legacy rows covered, " + backfill.perSecond() + " legacy rows/s. NEW rows per table: " + written
					+ "\n\nVerification run " + run.id() + ": " + run.status() + ", " + run.usersCompared()
					+ " users and " + run.rowsCompared() + " rows compared in "
					+ String.format("%.1f s (%.0f rows/s)", verifySeconds, run.rowsCompared() / verifySeconds)
					+ "; missing " + run.missing() + ", extra " + run.extra() + ", mismatched " + run.mismatched()
					+ ", misplaced " + run.misplaced() + "\n";
			System.out.println(report);
			Path out = Path.of("coupon-bench", "target", "migration-copy-benchmark.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, report);
		}
		finally {
			worker.destroy();
			worker.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** NEW's user tables as the backfill left them, inserted again into empty twins. */
	private static double baseline(DatabaseProperties database, Map<String, Long> written) throws SQLException {
		double seconds = 0;
		int tables = Integer.parseInt(BenchMigration.env("COUPON_SHARDING_TABLES", "8"));
		for (int index = 0; index < Integer.parseInt(BenchMigration.env("COUPON_SHARDING_DATABASES", "2")); index++) {
			Map<String, String> shardTables = new LinkedHashMap<>();
			for (int table = 0; table < tables; table++) {
				for (String logical : USER_TABLES) {
					shardTables.put(logical + "_" + table, "1 = 1");
				}
			}
			Map<String, Long> perTable = new LinkedHashMap<>();
			seconds += BenchMigration.twin(database,
					database.jdbcUrl(database.shardServer(index), database.shardDatabase(index)), shardTables,
					perTable);
			perTable
				.forEach((table, rows) -> written.merge(table.substring(0, table.lastIndexOf('_')), rows, Long::sum));
		}
		return seconds;
	}

	private static String row(String what, long rows, double seconds, double baselineRate) {
		return String.format("| %s | %d | %.1f | %.0f | %.2f |%n", what, rows, seconds, rows / seconds,
				rows / seconds / baselineRate);
	}

}
