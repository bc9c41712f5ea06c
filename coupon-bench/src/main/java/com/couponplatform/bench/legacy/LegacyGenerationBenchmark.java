package com.couponplatform.bench.legacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.couponplatform.bench.claim.Machine;

import static com.couponplatform.bench.claim.BenchEnvironment.env;

/**
 * {@code legacy-generate} of a million coupons (by default) into a fresh legacy database,
 * run through {@code deploy/migrate.sh} as an operator runs it, against the same run's
 * baseline: the server copying the generated rows of each table into an empty twin
 * ({@code INSERT … SELECT}) — the write cost of those rows with no generation, no JDBC
 * and no network.
 */
public final class LegacyGenerationBenchmark {

	private static final List<String> TABLES = List.of("t_coupon_template", "t_coupon_scope",
			"t_coupon_blacklist_goods", "t_user_coupon", "t_coupon_code", "t_coupon_use_log");

	private static final Pattern WROTE = Pattern.compile("Wrote (\\d+) rows in ([0-9.]+) s");

	private LegacyGenerationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int coupons = Integer.parseInt(env("BENCH_LEGACY_COUPONS", "1000000"));
		String database = env("COUPON_DB_PREFIX", "couponbench") + "_legacy";
		String serverUrl = "jdbc:mysql://" + env("COUPON_DB_HOST", "127.0.0.1") + ":" + env("COUPON_DB_PORT", "3306")
				+ "/";
		execute(serverUrl, "DROP DATABASE IF EXISTS `" + database + "`");
		MigrateScript.run("legacy-schema", "--database", database);
		List<String> generate = List.of("legacy-generate", "--database", database, "--users",
				Integer.toString(Math.max(1, coupons / 10)), "--templates", "200", "--coupons",
				Integer.toString(coupons), "--codes", Integer.toString(Math.max(4, coupons / 10)), "--seed", "1",
				"--now", "2026-12-01T00:00:00Z");
		long start = System.nanoTime();
		String printed = MigrateScript.run(generate.toArray(String[]::new));
		double wallSeconds = (System.nanoTime() - start) / 1e9;
		Matcher wrote = WROTE.matcher(printed);
		if (!wrote.find()) {
			throw new IllegalStateException("legacy-generate printed no summary:\n" + printed);
		}
		long rows = Long.parseLong(wrote.group(1));
		double generateSeconds = Double.parseDouble(wrote.group(2));
		double baselineSeconds = copyInsideTheServer(serverUrl + database);

		double baselineRate = rows / baselineSeconds;
		String report = "## Legacy generator benchmark — " + LocalDate.now() + ", " + Machine.describe() + "\n\n"
				+ "`./deploy/migrate.sh " + String.join(" ", generate) + "`\n\n"
				+ "| | rows | seconds | rows/s | ratio to baseline |\n|---|---|---|---|---|\n"
				+ row("legacy-generate, generation and writes", rows, generateSeconds, baselineRate)
				+ row("legacy-generate, whole command (JVM start included)", rows, wallSeconds, baselineRate)
				+ row("baseline: INSERT … SELECT of the same rows in the server", rows, baselineSeconds, baselineRate)
				+ "\n```\n" + printed.strip() + "\n```\n";
		System.out.println(report);
		Path out = Path.of("coupon-bench", "target", "legacy-generation-benchmark.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	private static String row(String what, long rows, double seconds, double baselineRate) {
		return String.format("| %s | %d | %.1f | %.0f | %.2f |%n", what, rows, seconds, rows / seconds,
				rows / seconds / baselineRate);
	}

	private static double copyInsideTheServer(String databaseUrl) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl, env("COUPON_DB_USER", "root"),
				env("COUPON_DB_PASSWORD", "")); Statement statement = connection.createStatement()) {
			for (String table : TABLES) {
				statement.execute("CREATE TABLE copy_" + table + " LIKE " + table);
			}
			long start = System.nanoTime();
			for (String table : TABLES) {
				statement.execute("INSERT INTO copy_" + table + " SELECT * FROM " + table);
			}
			return (System.nanoTime() - start) / 1e9;
		}
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, env("COUPON_DB_USER", "root"),
				env("COUPON_DB_PASSWORD", "")); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
