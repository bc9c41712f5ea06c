package com.couponplatform.bench.issuance;

import java.io.BufferedWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import com.couponplatform.bench.claim.Machine;
import com.couponplatform.bench.claim.PlatformClient;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingLayout;

import static com.couponplatform.bench.claim.BenchEnvironment.env;
import static com.couponplatform.bench.claim.BenchEnvironment.required;

/**
 * A million coupons to a million users, end to end — CSV upload (streamed), intake,
 * reservation, publishing, broker, writers — timed from the upload to COMPLETED, against
 * a baseline measured in the same run on the same machine: raw multi-row INSERTs of the
 * same rows into the same physical tables over plain JDBC, grouped by table as the
 * writers group them. Run by {@code ./deploy/bench.sh issuance} against a private
 * platform.
 */
public final class IssuanceBenchmark {

	private static final long FIRST_USER = 500_000_000L;

	private static final int ROWS_PER_INSERT = 1_000;

	private IssuanceBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int users = Integer.parseInt(env("BENCH_ISSUANCE_USERS", "1000000"));
		int threads = Integer.parseInt(env("BENCH_BASELINE_THREADS", "4"));
		String dbUrl = "jdbc:mysql://" + env("COUPON_DB_HOST", "127.0.0.1") + ":" + env("COUPON_DB_PORT", "3306")
				+ "/?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&serverTimezone=UTC";
		String dbUser = env("COUPON_DB_USER", "root");
		String dbPassword = env("COUPON_DB_PASSWORD", "");
		String dbPrefix = env("COUPON_DB_PREFIX", "couponbench");
		ShardingLayout layout = new ShardingLayout(Integer.parseInt(env("COUPON_SHARDING_DATABASES", "2")),
				Integer.parseInt(env("COUPON_SHARDING_TABLES", "8")));
		PlatformClient platform = new PlatformClient(HttpClient.newHttpClient(),
				env("BENCH_ADMIN", "http://127.0.0.1:28081"), required("COUPON_ADMIN_PASSWORD"), dbUrl, dbUser,
				dbPassword, dbPrefix);
		StringBuilder report = new StringBuilder();
		report.append("## Issuance benchmark — ")
			.append(java.time.LocalDate.now())
			.append(", ")
			.append(Machine.describe())
			.append("\n\n");
		report.append(users).append(" users; baseline with ").append(threads).append(" JDBC threads.\n\n");

		// Baseline: the same rows, straight into the same tables.
		Map<ShardLocation, List<Long>> byTable = byTable(layout, users);
		long baselineTemplate = System.currentTimeMillis();
		long started = System.nanoTime();
		long inserted = rawInsert(byTable, dbUrl, dbUser, dbPassword, dbPrefix, baselineTemplate, threads);
		double baselineSeconds = (System.nanoTime() - started) / 1e9;
		double baselineRate = inserted / baselineSeconds;

		// The platform: a template with exactly that stock, a CSV of the users, the job.
		long templateId = platform.activeTemplate("issuance bench", users);
		Path csv = Files.createTempFile("issuance-bench-", ".csv");
		try (BufferedWriter out = Files.newBufferedWriter(csv)) {
			out.write("userId\n");
			for (long i = 0; i < users; i++) {
				out.write(Long.toString(FIRST_USER + i));
				out.write('\n');
			}
		}
		Instant upload = Instant.now();
		JsonNode created = platform.upload("/admin/api/v1/issuance-jobs",
				Map.of("templateId", Long.toString(templateId)), csv, 202);
		Instant accepted = Instant.now();
		String job = "/admin/api/v1/issuance-jobs/" + created.path("id").asText();
		JsonNode state = created;
		while (!"COMPLETED".equals(state.path("status").asText())) {
			if (Duration.between(upload, Instant.now()).toMinutes() > 30) {
				throw new IllegalStateException("The job did not complete in 30 minutes: " + state);
			}
			Thread.sleep(250);
			state = platform.admin("GET", job, null, 200);
		}
		Instant completed = Instant.now();
		Files.deleteIfExists(csv);
		double endToEnd = Duration.between(upload, completed).toMillis() / 1000.0;
		double rate = users / endToEnd;
		long rows = platform.couponRows(List.of(templateId));

		report.append("| measure | result |\n|---|---|\n");
		report.append(String.format(
				"| baseline: raw multi-row INSERT (%d rows per statement, grouped by table) | "
						+ "%,d rows in %.1f s = **%,.0f rows/s** |%n",
				ROWS_PER_INSERT, inserted, baselineSeconds, baselineRate));
		report.append(String.format("| intake: upload, parse, %d target rows, reservation (until 202) | %.1f s |%n",
				users, Duration.between(upload, accepted).toMillis() / 1000.0));
		report.append(String.format("| publish + write (202 → COMPLETED) | %.1f s |%n",
				Duration.between(accepted, completed).toMillis() / 1000.0));
		report.append(String.format(
				"| **end to end (upload → COMPLETED)** | %.1f s = **%,.0f coupons/s = %.2f × " + "baseline** |%n",
				endToEnd, rate, rate / baselineRate));
		report.append(String.format("| job counters | total %d, issued %d, duplicates %d, failed %d |%n",
				state.path("total").asLong(), state.path("issued").asLong(), state.path("duplicates").asLong(),
				state.path("failed").asLong()));
		report.append(String.format("| coupon rows of the template (every physical table) | %,d → %s |%n", rows,
				(rows == users) ? "exactly one per user" : "MISMATCH"));
		System.out.println(report);
		Path out = Path.of(env("BENCH_REPORT", "coupon-bench/target/issuance-benchmark.md"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report);
		if (rows != users) {
			System.exit(1);
		}
	}

	private static Map<ShardLocation, List<Long>> byTable(ShardingLayout layout, int users) {
		ShardRouter router = new ShardRouter(layout);
		Map<ShardLocation, List<Long>> byTable = new TreeMap<>((a, b) -> (a.database() != b.database())
				? Integer.compare(a.database(), b.database()) : Integer.compare(a.table(), b.table()));
		for (long i = 0; i < users; i++) {
			byTable.computeIfAbsent(router.locateUser(FIRST_USER + i), (location) -> new ArrayList<>())
				.add(FIRST_USER + i);
		}
		return byTable;
	}

	/**
	 * The baseline: every table's rows in statements of {@link #ROWS_PER_INSERT}, tables
	 * spread over threads.
	 */
	private static long rawInsert(Map<ShardLocation, List<Long>> byTable, String dbUrl, String dbUser,
			String dbPassword, String dbPrefix, long templateId, int threads) throws Exception {
		AtomicLong inserted = new AtomicLong();
		AtomicLong ids = new AtomicLong(templateId * 1_000_000L % Long.MAX_VALUE);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (Map.Entry<ShardLocation, List<Long>> table : byTable.entrySet()) {
			done.add(pool.submit(() -> {
				String name = dbPrefix + "_" + table.getKey().dataSourceName() + "."
						+ table.getKey().physicalTable("user_coupon");
				try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
					List<Long> rows = table.getValue();
					for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
						List<Long> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
						inserted.addAndGet(insert(connection, name, part, templateId, ids));
					}
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		return inserted.get();
	}

	private static int insert(Connection connection, String table, List<Long> users, long templateId, AtomicLong ids)
			throws Exception {
		String sql = "INSERT IGNORE INTO " + table + " (id, user_id, template_id, status, type, discount_amount, "
				+ "threshold_amount, percent_off, max_discount_amount, valid_from, valid_until, claimed_at, origin, "
				+ "origin_ref, claim_slot, updated_at) VALUES " + String.join(", ", Collections.nCopies(users.size(),
						"(?, ?, ?, 'UNUSED', 'FIXED_AMOUNT', 500, NULL, NULL, NULL, ?, ?, ?, 'ISSUANCE', ?, NULL, ?)"));
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp until = Timestamp.from(Instant.now().plus(Duration.ofDays(30)));
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			int p = 1;
			for (long userId : users) {
				insert.setLong(p++, ids.incrementAndGet());
				insert.setLong(p++, userId);
				insert.setLong(p++, templateId);
				insert.setTimestamp(p++, now);
				insert.setTimestamp(p++, until);
				insert.setTimestamp(p++, now);
				insert.setString(p++, "baseline-" + templateId);
				insert.setTimestamp(p++, now);
			}
			return insert.executeUpdate();
		}
	}

}
