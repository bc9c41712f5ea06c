package com.couponplatform.bench.serving;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.couponplatform.bench.claim.BenchEnvironment;
import com.couponplatform.bench.claim.Machine;
import com.couponplatform.bench.claim.PlatformClient;
import com.couponplatform.bench.load.BenchTokens;
import com.couponplatform.bench.load.ClosedLoopLoad;
import com.couponplatform.bench.load.LoadRequest;
import com.couponplatform.bench.load.LoadResult;
import com.couponplatform.bench.profile.JitClock;

/**
 * One side of the serving benchmark, or the report of both. {@code new}: on the platform
 * in phase NONE; {@code old}: on the platform in front of a legacy database (its
 * templates written into the mall, since the back office is frozen). Each side measures,
 * closed loop and after the same warm-up: the no-op endpoint's peak (the side's own
 * baseline, so that the two platform starts can be compared), the claim peak on one
 * template with distinct users, and the wallet-list peak over users holding ten coupons
 * each; every answer must be the expected status. {@code report} prints the ratios OLD /
 * NEW.
 */
public final class ServingBenchmark {

	private static final Path RESULTS = Path.of("coupon-bench", "target");

	private static final int WARM_UP = 3_000;

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final String side;

	private final String api = BenchEnvironment.env("BENCH_API", "http://127.0.0.1:28080");

	private final int claims = Integer.parseInt(BenchEnvironment.env("BENCH_SERVING_CLAIMS", "10000"));

	private final int walletUsers = Integer.parseInt(BenchEnvironment.env("BENCH_SERVING_WALLET_USERS", "500"));

	private final int walletReads = Integer.parseInt(BenchEnvironment.env("BENCH_SERVING_WALLET_READS", "10000"));

	private final int workers = Integer.parseInt(BenchEnvironment.env("BENCH_WORKERS", "48"));

	private final BenchTokens tokens = new BenchTokens(BenchEnvironment.required("COUPON_JWT_SECRET"));

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ServingBenchmark(String side) {
		this.side = side;
	}

	public static void main(String[] args) throws Exception {
		String what = (args.length == 1) ? args[0] : "";
		switch (what) {
			case "new", "old" -> new ServingBenchmark(what).measure();
			case "report" -> report();
			default -> throw new IllegalArgumentException("usage: ServingBenchmark new|old|report");
		}
	}

	private void measure() throws Exception {
		String warmedUp = warmUp();
		List<Long> templates = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			templates.add(template("serving " + this.side + " " + i, 2_000_000));
		}
		long hot = templates.get(0);
		List<Long> walletTemplates = templates.subList(1, 11);

		Properties results = new Properties();
		results.setProperty("warmUp", warmedUp);
		LoadResult noop = run("no-op peak", noops(this.claims), 200);
		LoadResult claimed = run("claim peak", claims(hot, 2_000_000, this.claims), 201);
		List<LoadRequest> holdings = new ArrayList<>();
		for (long template : walletTemplates) {
			holdings.addAll(claims(template, 3_000_000, this.walletUsers));
		}
		run("wallet holdings", holdings, 201);
		LoadResult wallet = run("wallet-list peak", walletReads(3_000_000L, this.walletUsers, this.walletReads), 200);
		record(results, "noop", noop);
		record(results, "claim", claimed);
		record(results, "wallet", wallet);
		results.setProperty("machine", Machine.describe());
		Files.createDirectories(RESULTS);
		try (Writer out = Files.newBufferedWriter(RESULTS.resolve("serving-" + this.side + ".properties"))) {
			results.store(out, "serving benchmark, side " + this.side);
		}
	}

	/**
	 * The same warm-up on both sides, as the claim benchmark's: rounds of no-ops, claims
	 * of a fresh template and wallet reads (on NEW, the round's statistics drained) until
	 * coupon-api's JIT compiles less than 5% of a round's time, at most eight rounds.
	 */
	private String warmUp() throws Exception {
		Matcher pid = Pattern.compile("api=(\\d+)").matcher(BenchEnvironment.env("BENCH_PIDS", ""));
		JitClock jit = pid.find() ? JitClock.of(Long.parseLong(pid.group(1))) : null;
		int rounds = 0;
		double share = Double.NaN;
		while (rounds < 8 && (rounds == 0 || (jit != null && !(share < 0.05)))) {
			double compiledBefore = (jit != null) ? jit.seconds() : 0;
			long start = System.nanoTime();
			long template = template("serving warm-up " + this.side + " " + rounds, WARM_UP);
			long firstUser = 1_000_000L + rounds * 10_000L;
			run("warm-up no-ops", noops(WARM_UP), 200);
			run("warm-up claims", claims(template, firstUser, WARM_UP), 201);
			run("warm-up wallet reads", walletReads(firstUser, WARM_UP, WARM_UP), 200);
			if ("new".equals(this.side)) {
				PlatformClient.fromEnvironment(this.http).awaitStatistic(template, WARM_UP, Duration.ofMinutes(3));
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			share = (jit != null) ? (jit.seconds() - compiledBefore) / seconds : Double.NaN;
			rounds++;
		}
		return String.format(Locale.ROOT, "%d round(s); coupon-api's JIT compiled %.0f%% of the last round's time",
				rounds, share * 100);
	}

	private LoadResult run(String what, List<LoadRequest> requests, int expected) throws InterruptedException {
		LoadResult result = ClosedLoopLoad.run(this.http, requests, this.workers);
		System.out.printf(Locale.ROOT, "%s %s: %.0f req/s %s%n", this.side, what, result.rate(),
				result.describeStatuses());
		if (result.status(expected) != requests.size()) {
			throw new IllegalStateException(what + " on " + this.side + ": expected every answer " + expected + ", got "
					+ result.describeStatuses());
		}
		return result;
	}

	private static void record(Properties results, String name, LoadResult result) {
		results.setProperty(name + ".rate", String.format(Locale.ROOT, "%.1f", result.rate()));
		results.setProperty(name + ".sent", Integer.toString(result.sent()));
	}

	private List<LoadRequest> claims(long template, long firstUser, int count) {
		List<LoadRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long user = firstUser + i;
			requests.add(LoadRequest.post(this.api + "/api/v1/claims", this.tokens.user(user),
					"{\"templateId\":\"" + template + "\",\"requestId\":\"s-" + template + "-" + user + "\"}"));
		}
		return requests;
	}

	private List<LoadRequest> noops(int count) {
		List<LoadRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long user = 4_000_000L + i;
			requests.add(LoadRequest.post(this.api + "/api/v1/noop", this.tokens.user(user),
					"{\"templateId\":\"1\",\"requestId\":\"n" + user + "\"}"));
		}
		return requests;
	}

	private List<LoadRequest> walletReads(long firstUser, int users, int count) {
		List<LoadRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long user = firstUser + (i % users);
			requests.add(LoadRequest.get(this.api + "/api/v1/coupons?limit=20", this.tokens.user(user)));
		}
		return requests;
	}

	/**
	 * An online template of one coupon per user: through the back office on NEW, in the
	 * mall on OLD.
	 */
	private long template(String name, long stock) throws Exception {
		if ("new".equals(this.side)) {
			return PlatformClient.fromEnvironment(this.http).activeTemplate(name, stock);
		}
		ZoneId zone = ZoneId.of(BenchEnvironment.env("COUPON_LEGACY_TIME_ZONE", "Asia/Shanghai"));
		Instant now = Instant.now();
		String from = LOCAL.format(LocalDateTime.ofInstant(now.minus(1, ChronoUnit.HOURS), zone));
		String until = LOCAL.format(LocalDateTime.ofInstant(now.plus(1, ChronoUnit.DAYS), zone));
		String url = "jdbc:mysql://" + BenchEnvironment.env("COUPON_DB_HOST", "127.0.0.1") + ":"
				+ BenchEnvironment.env("COUPON_DB_PORT", "3306") + "/" + BenchEnvironment.required("BENCH_LEGACY_DB")
				+ "?useSSL=false&allowPublicKeyRetrieval=true";
		try (Connection connection = DriverManager.getConnection(url, BenchEnvironment.env("COUPON_DB_USER", "root"),
				BenchEnvironment.env("COUPON_DB_PASSWORD", ""));
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO t_coupon_template (title, coupon_kind, face_value, min_order_amt, discount_rate, "
								+ "max_cut, total_count, taken_count, per_user_limit, grab_start, grab_end, use_start, "
								+ "use_end, valid_days, status, scope_type, operator, create_time, update_time) VALUES "
								+ "(?, 1, 5.00, 0.00, 0.0, NULL, ?, 0, 1, ?, ?, NULL, NULL, 30, 1, 0, 'bench', ?, ?)",
						Statement.RETURN_GENERATED_KEYS)) {
			insert.setString(1, name);
			insert.setLong(2, stock);
			insert.setString(3, from);
			insert.setString(4, until);
			insert.setString(5, from);
			insert.setString(6, from);
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot write a template into " + url, ex);
		}
	}

	private static void report() throws IOException {
		Properties onNew = load("new");
		Properties onOld = load("old");
		StringBuilder report = new StringBuilder();
		report.append("## Serving from the legacy database against serving from NEW\n\n");
		report.append("Machine: ").append(onNew.getProperty("machine")).append("\n\n");
		report.append("Warm-up: NEW ")
			.append(onNew.getProperty("warmUp"))
			.append("; OLD ")
			.append(onOld.getProperty("warmUp"))
			.append("\n\n");
		report.append("| measure (closed loop, 48 workers) | NEW (phase NONE) | OLD (phase LEGACY) | OLD / NEW |\n");
		report.append("|---|---|---|---|\n");
		for (String[] row : List.of(new String[] { "noop", "no-op endpoint peak (each side's baseline)" },
				new String[] { "claim", "claim peak, one template, distinct users" },
				new String[] { "wallet", "wallet list (20 per page, 10 coupons each) peak" })) {
			double rateNew = Double.parseDouble(onNew.getProperty(row[0] + ".rate"));
			double rateOld = Double.parseDouble(onOld.getProperty(row[0] + ".rate"));
			report.append(String.format(Locale.ROOT, "| %s | %.0f /s | %.0f /s | %.2f |%n", row[1], rateNew, rateOld,
					rateOld / rateNew));
		}
		for (String[] row : List.of(new String[] { "claim", "claim peak" },
				new String[] { "wallet", "wallet-list peak" })) {
			report.append(String.format(Locale.ROOT, "%n%s as a share of its own side's no-op peak: NEW %.2f, OLD %.2f",
					row[1],
					Double.parseDouble(onNew.getProperty(row[0] + ".rate"))
							/ Double.parseDouble(onNew.getProperty("noop.rate")),
					Double.parseDouble(onOld.getProperty(row[0] + ".rate"))
							/ Double.parseDouble(onOld.getProperty("noop.rate"))));
		}
		report.append('\n');
		Files.writeString(RESULTS.resolve("serving-benchmark.md"), report);
		System.out.println(report);
	}

	private static Properties load(String side) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(RESULTS.resolve("serving-" + side + ".properties"))) {
			properties.load(in);
		}
		return properties;
	}

}
