package com.couponplatform.bench.redemption;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import com.couponplatform.bench.load.BenchTokens;
import com.couponplatform.bench.load.ClosedLoopLoad;
import com.couponplatform.bench.load.LoadRequest;
import com.couponplatform.bench.load.LoadResult;
import com.couponplatform.bench.load.OpenLoopLoad;
import com.couponplatform.redemption.CodeShape;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingLayout;

import static com.couponplatform.bench.claim.BenchEnvironment.env;
import static com.couponplatform.bench.claim.BenchEnvironment.required;

/**
 * Codes, measured against baselines of the same run on the same machine
 * ({@code ./deploy/bench.sh codes} runs it against a private platform):
 * <ol>
 * <li>generation of a million codes (POST → ACTIVE) against raw multi-row INSERTs of as
 * many random codes into the same physical tables over plain JDBC;</li>
 * <li>redemption peak (closed loop, every call a fresh user and a fresh code of that
 * batch) against the no-op endpoint's peak, then open-loop latency at 25, 50 and 75% of
 * that peak. Every 201 must be exactly one coupon row.</li>
 * </ol>
 */
public final class RedemptionBenchmark {

	private static final int ROWS_PER_INSERT = 1_000;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final StringBuilder report = new StringBuilder();

	private final String api = env("BENCH_API", "http://127.0.0.1:28080");

	private final BenchTokens tokens = new BenchTokens(required("COUPON_JWT_SECRET"));

	private final String dbUrl = "jdbc:mysql://" + env("COUPON_DB_HOST", "127.0.0.1") + ":"
			+ env("COUPON_DB_PORT", "3306")
			+ "/?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&serverTimezone=UTC";

	private final String dbUser = env("COUPON_DB_USER", "root");

	private final String dbPassword = env("COUPON_DB_PASSWORD", "");

	private final String dbPrefix = env("COUPON_DB_PREFIX", "couponbench");

	private final PlatformClient platform = new PlatformClient(this.http, env("BENCH_ADMIN", "http://127.0.0.1:28081"),
			required("COUPON_ADMIN_PASSWORD"), this.dbUrl, this.dbUser, this.dbPassword, this.dbPrefix);

	private final ShardingLayout layout = new ShardingLayout(Integer.parseInt(env("COUPON_SHARDING_DATABASES", "2")),
			Integer.parseInt(env("COUPON_SHARDING_TABLES", "8")));

	/**
	 * Fresh users each run, so a rerun against the same databases never meets a coupon.
	 */
	private long nextUser = (System.currentTimeMillis() % 100_000_000L) * 10_000L;

	private RedemptionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		new RedemptionBenchmark().run();
	}

	private void run() throws Exception {
		int codes = Integer.parseInt(env("BENCH_CODES", "1000000"));
		int redemptions = Integer.parseInt(env("BENCH_REDEMPTIONS", "20000"));
		int workers = Integer.parseInt(env("BENCH_WORKERS", "48"));
		int threads = Integer.parseInt(env("BENCH_BASELINE_THREADS", "4"));
		int openLoopSeconds = Integer.parseInt(env("BENCH_OPEN_LOOP_SECONDS", "10"));
		line("## Code benchmark — " + LocalDate.now() + ", " + Machine.describe());
		line("");
		line(codes + " codes generated; " + redemptions + " redemptions per peak run with " + workers
				+ " closed-loop workers; open loop " + openLoopSeconds + " s per rate; baseline with " + threads
				+ " JDBC threads.");
		line("");

		double baselineRate = rawInsert(this.layout, codes, threads);

		// Enough stock for the batch's codes; every redemption takes a reserved unit.
		long templateId = this.platform.activeTemplate("code bench", codes);
		Instant posted = Instant.now();
		JsonNode created = this.platform.admin("POST", "/admin/api/v1/code-batches", """
				{"templateId":"%d","quantity":%d,"length":12,"prefix":"BN","usesPerCode":1,"validUntil":"%s"}
				""".formatted(templateId, codes, Instant.now().plus(Duration.ofDays(1))), 202);
		String batch = "/admin/api/v1/code-batches/" + created.path("id").asText();
		JsonNode state = created;
		while (!"ACTIVE".equals(state.path("status").asText())) {
			if (Duration.between(posted, Instant.now()).toMinutes() > 30) {
				throw new IllegalStateException("The batch was not generated in 30 minutes: " + state);
			}
			Thread.sleep(250);
			state = this.platform.admin("GET", batch, null, 200);
		}
		double generationSeconds = Duration.between(posted, Instant.now()).toMillis() / 1000.0;
		double generationRate = codes / generationSeconds;
		Instant exportStarted = Instant.now();
		List<String> exported = new ArrayList<>(codes);
		String[] lines = this.platform.adminText(batch + "/codes.csv").split("\n");
		for (int i = 1; i < lines.length; i++) {
			exported.add(lines[i].substring(0, lines[i].indexOf(',')));
		}
		double exportSeconds = Duration.between(exportStarted, Instant.now()).toMillis() / 1000.0;
		// Random order: consecutive redemptions land on different shards and tables.
		Collections.shuffle(exported, new SecureRandom());

		ClosedLoopLoad.run(this.http, noops(Math.min(5_000, redemptions)), workers);
		LoadResult noop = ClosedLoopLoad.run(this.http, noops(redemptions), workers);
		int used = 0;
		// Warm-up: the JIT, pools and the redemption path's first calls.
		LoadResult warm = ClosedLoopLoad.run(this.http, redeem(exported, used, 2_000), workers);
		used += 2_000;
		LoadResult peak = ClosedLoopLoad.run(this.http, redeem(exported, used, redemptions), workers);
		used += redemptions;
		long created201 = warm.status(201) + peak.status(201);
		drain(batch, created201);

		line("| measure | result |");
		line("|---|---|");
		line(String.format("| baseline: raw multi-row INSERT of random codes (%d rows per statement, grouped by table) "
				+ "| **%,.0f rows/s** |", ROWS_PER_INSERT, baselineRate));
		line(String.format(
				"| **generation, %,d codes (POST → ACTIVE)** | %.1f s = **%,.0f codes/s = %.2f × baseline** "
						+ "(collisions %d) |",
				codes, generationSeconds, generationRate, generationRate / baselineRate,
				state.path("collisions").asLong()));
		line(String.format("| export (codes.csv, %,d lines) | %.1f s |", exported.size(), exportSeconds));
		line(String.format("| no-op endpoint peak (closed loop) | %,.0f req/s %s |", noop.rate(),
				noop.describeStatuses()));
		line(String.format("| **redemption peak** (closed loop, fresh user and code per call) | **%,.0f/s = %.2f × "
				+ "no-op** %s |", peak.rate(), peak.rate() / noop.rate(), peak.describeStatuses()));
		line("");
		line("Open loop (latency from each call's scheduled time; no coordinated omission):");
		line("");
		line("| offered rate | achieved | p50 ms | p99 ms | p99.9 ms | max ms | answers |");
		line("|---|---|---|---|---|---|---|");
		for (int percent : new int[] { 25, 50, 75 }) {
			double rate = peak.rate() * percent / 100;
			int count = Math.min((int) (rate * openLoopSeconds), exported.size() - used);
			LoadResult open = OpenLoopLoad.run(this.http, redeem(exported, used, count), rate);
			used += count;
			created201 += open.status(201);
			drain(batch, created201);
			line(String.format("| %d%% = %.0f/s | %.0f/s | %.2f | %.2f | %.2f | %.2f | %s |", percent, rate,
					open.rate(), open.percentileMillis(50), open.percentileMillis(99), open.percentileMillis(99.9),
					open.percentileMillis(100), open.describeStatuses()));
		}
		long rows = this.platform.couponRows(List.of(templateId));
		long usesTaken = usesTaken(created.path("id").asLong());
		// A call that failed after its use committed (a 503 when a pool ran dry) still
		// gets
		// its coupon, from the outbox: rows may exceed the 201s, never the uses.
		boolean exact = rows == usesTaken && rows >= created201;
		line("");
		line("- every use taken is one coupon row: " + usesTaken + " uses taken, " + rows
				+ " coupon rows of the template, " + created201 + " answers 201 → " + (exact ? "exact" : "MISMATCH"));
		System.out.println(this.report);
		Path out = Path.of(env("BENCH_REPORT", "coupon-bench/target/redemption-benchmark.md"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, this.report);
		if (!exact) {
			System.exit(1);
		}
	}

	/**
	 * Waits until the batch's redeemed counter (outbox, relay, broker, consumer) has
	 * caught up, so the next measurement does not share the machine with a draining event
	 * pipeline.
	 */
	private void drain(String batch, long redeemed) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			if (this.platform.admin("GET", batch, null, 200).path("redeemed").asLong() >= redeemed) {
				return;
			}
			Thread.sleep(500);
		}
		line("- warning: the batch's redeemed counter did not reach " + redeemed + " within 5 min");
	}

	/** Uses taken from the batch's codes, in every physical table. */
	private long usesTaken(long batchId) throws Exception {
		long taken = 0;
		try (Connection connection = DriverManager.getConnection(this.dbUrl, this.dbUser, this.dbPassword)) {
			for (ShardLocation location : this.layout.locations()) {
				try (PreparedStatement query = connection.prepareStatement(
						"SELECT COALESCE(SUM(1 - uses_left), 0) FROM " + this.dbPrefix + "_" + location.dataSourceName()
								+ "." + location.physicalTable("redemption_code") + " WHERE batch_id = ?")) {
					query.setLong(1, batchId);
					try (ResultSet result = query.executeQuery()) {
						result.next();
						taken += result.getLong(1);
					}
				}
			}
		}
		return taken;
	}

	/** Distinct users, each redeeming the next unused code once. */
	private List<LoadRequest> redeem(List<String> codes, int from, int count) {
		List<LoadRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long user = ++this.nextUser;
			requests.add(LoadRequest.post(this.api + "/api/v1/redemptions", this.tokens.user(user),
					"{\"code\":\"" + codes.get(from + i) + "\",\"requestId\":\"b" + user + "\"}"));
		}
		return requests;
	}

	private List<LoadRequest> noops(int count) {
		List<LoadRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long user = ++this.nextUser;
			requests.add(LoadRequest.post(this.api + "/api/v1/noop", this.tokens.user(user),
					"{\"templateId\":\"1\",\"requestId\":\"b" + user + "\"}"));
		}
		return requests;
	}

	/**
	 * The baseline: as many random codes as the batch, grouped by the table their code
	 * names, in statements of {@link #ROWS_PER_INSERT}, tables spread over threads.
	 * @return rows per second
	 */
	private double rawInsert(ShardingLayout layout, int codes, int threads) throws Exception {
		ShardRouter router = new ShardRouter(layout);
		CodeShape shape = new CodeShape("RAW", 12, true);
		SecureRandom random = new SecureRandom();
		Map<ShardLocation, List<String>> byTable = new TreeMap<>((a, b) -> (a.database() != b.database())
				? Integer.compare(a.database(), b.database()) : Integer.compare(a.table(), b.table()));
		for (int i = 0; i < codes; i++) {
			String code = shape.draw(random);
			byTable.computeIfAbsent(router.locate(code), (location) -> new ArrayList<>()).add(code);
		}
		long batchId = -System.currentTimeMillis();
		AtomicLong inserted = new AtomicLong();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (Map.Entry<ShardLocation, List<String>> table : byTable.entrySet()) {
			done.add(pool.submit(() -> {
				String name = this.dbPrefix + "_" + table.getKey().dataSourceName() + "."
						+ table.getKey().physicalTable("redemption_code");
				try (Connection connection = DriverManager.getConnection(this.dbUrl, this.dbUser, this.dbPassword)) {
					List<String> rows = table.getValue();
					for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
						inserted.addAndGet(insert(connection, name,
								rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)), batchId));
					}
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - started) / 1e9;
		return inserted.get() / seconds;
	}

	private static int insert(Connection connection, String table, List<String> codes, long batchId) throws Exception {
		String sql = "INSERT IGNORE INTO " + table + " (code, batch_id, uses_left, created_at) VALUES "
				+ String.join(", ", Collections.nCopies(codes.size(), "(?, ?, 1, ?)"));
		Timestamp now = Timestamp.from(Instant.now());
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			int p = 1;
			for (String code : codes) {
				insert.setString(p++, code);
				insert.setLong(p++, batchId);
				insert.setTimestamp(p++, now);
			}
			return insert.executeUpdate();
		}
	}

	private void line(String text) {
		this.report.append(text).append('\n');
	}

}
