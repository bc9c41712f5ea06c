package com.couponplatform.bench.claim;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import com.couponplatform.bench.load.ClosedLoopLoad;
import com.couponplatform.bench.load.LoadResult;
import com.couponplatform.bench.profile.Profiler;
import com.couponplatform.bench.profile.StackShares;

/**
 * Where a hot claim's time goes ({@code ./deploy/bench.sh profile-claims}): the
 * hot-template peak of the claim benchmark run while async-profiler records coupon-api
 * and coupon-admin — once on CPU, once by wall clock (which shows what waits: locks,
 * pools, the database, Redis) — and what every process together asked of the database
 * server and of Redis per claim, read from their own counters (MariaDB's global status,
 * Redis's INFO commandstats) before the run and after its event pipeline drained.
 * Measures only: it asserts nothing of the rates.
 */
public final class ClaimProfile {

	/** The server's counters a claim moves, per claim in the report. */
	private static final List<String> DATABASE_COUNTERS = List.of("Handler_commit", "Com_commit", "Com_insert",
			"Com_update", "Com_delete", "Com_select", "Questions", "Innodb_log_writes", "Innodb_os_log_fsyncs",
			"Innodb_row_lock_waits");

	/** Tomcat's request threads. */
	private static final Pattern REQUEST_THREADS = Pattern.compile("^http-nio-\\d+-exec-");

	/** Where request threads spend CPU, by the innermost library frame. */
	private static final Map<String, Pattern> LIBRARIES = patterns("our code", "com\\.couponplatform",
			"ShardingSphere (parse, route, rewrite, merge)", "org\\.apache\\.shardingsphere|org\\.antlr",
			"MySQL driver", "com\\.mysql\\.cj", "HikariCP", "com\\.zaxxer\\.hikari", "MyBatis", "org\\.apache\\.ibatis",
			"Redisson, Netty", "org\\.redisson|io\\.netty", "Jackson", "com\\.fasterxml\\.jackson",
			"Spring Security, JWT", "org\\.springframework\\.security|com\\.nimbusds", "Micrometer, logging",
			"io\\.micrometer|ch\\.qos\\.logback|org\\.slf4j", "Spring (MVC, transactions, AOP)",
			"org\\.springframework", "Tomcat", "org\\.apache\\.(catalina|coyote|tomcat)");

	/** What request threads wait on, the most specific first. */
	private static final Map<String, Pattern> WAITS = patterns("a database connection from the pool",
			"HikariPool\\.getConnection|ConcurrentBag\\.borrow", "the database (a statement or commit)",
			"com\\.mysql\\.cj", "Redis (Redisson)", "org\\.redisson",
			"a batch of its own to commit (a future or latch of ours)",
			"com\\.couponplatform.*(CompletableFuture\\.(get|join)|CountDownLatch\\.await|FutureTask\\.get)",
			"the next request (idle)", "TaskQueue\\.(take|poll)", "a lock (synchronized, ReentrantLock)",
			"ObjectMonitor|ObjectSynchronizer|AbstractQueuedSynchronizer");

	private final Settings settings;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ClaimRequests requests;

	private final PlatformClient platform;

	private final StringBuilder report = new StringBuilder();

	private ClaimProfile(Settings settings) {
		this.settings = settings;
		if (settings == null) {
			// Only printing tables.
			this.requests = null;
			this.platform = null;
			return;
		}
		this.requests = new ClaimRequests(settings);
		this.platform = new PlatformClient(this.http, settings.admin(), settings.adminPassword(), settings.jdbcUrl(),
				settings.dbUser(), settings.dbPassword(), settings.dbPrefix());
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 1 && args[0].equals("--tables")) {
			tablesOfLastRun();
			return;
		}
		Settings settings = Settings.fromEnvironment();
		Config config = new Config();
		config.useSingleServer().setAddress("redis://" + settings.redisHost() + ":" + settings.redisPort());
		RedissonClient redis = Redisson.create(config);
		try {
			new ClaimProfile(settings).run(
					new RedisBaselines(redis, settings.redisPrefix(), settings.redisHost(), settings.redisPort()),
					settings.processes(), Path.of(System.getenv().getOrDefault("BENCH_PROFILE_OUT", "docs/benchmarks")),
					Integer.parseInt(System.getenv().getOrDefault("BENCH_PROFILE_CLAIMS", "40000")));
		}
		finally {
			redis.shutdown();
		}
	}

	private void run(RedisBaselines redis, Map<String, Long> processes, Path out, int claims) throws Exception {
		if (processes.isEmpty()) {
			throw new IllegalStateException("BENCH_PIDS must name the processes to profile, as api=PID,admin=PID");
		}
		Profiler profiler = Profiler.unpackInto(Path.of("coupon-bench", "target", "profiler"));
		Files.createDirectories(out);
		line("## Claim profile — " + java.time.LocalDate.now() + ", " + Machine.describe());
		line("");
		line("Hot-template peak, " + claims + " claims per run, " + this.settings.workers()
				+ " closed-loop workers, processes " + processes + ".");
		line("");
		line("- " + WarmUp.run(this.http, this.platform, this.requests, this.settings));
		LoadResult noop = ClosedLoopLoad.run(this.http, this.requests.noops(claims), this.settings.workers());
		line("- no-op peak, unprofiled: %.0f req/s".formatted(noop.rate()));

		for (String event : List.of(cpuEvent(profiler, processes), "wall")) {
			long hot = this.platform.activeTemplate("profile hot " + event, claims);
			Map<String, Long> databaseBefore = databaseStatus();
			Map<String, Long> redisBefore = redis.commandCalls();
			for (long pid : processes.values()) {
				profiler.start(pid, event);
			}
			LoadResult peak = ClosedLoopLoad.run(this.http, this.requests.claims(List.of(hot), claims),
					this.settings.workers());
			Map<String, StackShares> recorded = new LinkedHashMap<>();
			for (Map.Entry<String, Long> process : processes.entrySet()) {
				String name = "claim-hot-" + process.getKey() + "-" + event;
				Path stacks = Path.of("coupon-bench", "target", name + ".collapsed");
				profiler.stop(process.getValue(), out.resolve(name + ".html"), stacks);
				recorded.put(process.getKey(), StackShares.read(stacks));
			}
			// Downstream work (the relay, the statistics) is counted once it is done.
			boolean drained = this.platform.awaitStatistic(hot, claims, Duration.ofMinutes(3));
			Map<String, Long> databaseAfter = databaseStatus();
			Map<String, Long> redisAfter = redis.commandCalls();
			long rows = this.platform.couponRows(List.of(hot));
			line("");
			line("### " + event
					+ " profile: %.0f claims/s (%.2f × the no-op), %s, rows %d of stock %d%s".formatted(peak.rate(),
							peak.rate() / noop.rate(), peak.describeStatuses(), rows, claims,
							drained ? "" : ", statistics NOT drained in 3 min"));
			line("");
			line("| per claim, every process together | count |");
			line("|---|---|");
			for (String counter : DATABASE_COUNTERS) {
				line("| MariaDB %s | %.2f |".formatted(counter,
						(databaseAfter.getOrDefault(counter, 0L) - databaseBefore.getOrDefault(counter, 0L))
								/ (double) claims));
			}
			Map<String, Long> perCommand = new TreeMap<>();
			redisAfter
				.forEach((command, calls) -> perCommand.put(command, calls - redisBefore.getOrDefault(command, 0L)));
			perCommand.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() > 0 && !entry.getKey().equals("info"))
				.sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
				.limit(8)
				.forEach((entry) -> line(
						"| Redis %s | %.3f |".formatted(entry.getKey(), entry.getValue() / (double) claims)));
			tables(event, recorded);
		}
		Path summary = Path.of("coupon-bench", "target", "claim-profile.md");
		Files.writeString(summary, this.report);
		System.out.println("Report written to " + summary + "; flame graphs in " + out);
	}

	/**
	 * CPU sampling by perf events where the kernel lets this process use them; by the
	 * interval timer where it does not (a container's usual seccomp profile).
	 */
	private String cpuEvent(Profiler profiler, Map<String, Long> processes) throws Exception {
		long pid = processes.values().iterator().next();
		try {
			profiler.start(pid, "cpu");
			profiler.stop(pid, Path.of("coupon-bench", "target", "profiler", "probe.html"),
					Path.of("coupon-bench", "target", "profiler", "probe.collapsed"));
			return "cpu";
		}
		catch (IllegalStateException refused) {
			line("- perf events refused (" + refused.getMessage().strip().replace('\n', ' ')
					+ "): CPU sampled by itimer");
			return "itimer";
		}
	}

	private Map<String, Long> databaseStatus() throws SQLException {
		Map<String, Long> status = new LinkedHashMap<>();
		try (Connection connection = DriverManager.getConnection(this.settings.jdbcUrl(), this.settings.dbUser(),
				this.settings.dbPassword());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS")) {
			while (rows.next()) {
				if (DATABASE_COUNTERS.contains(rows.getString(1))) {
					status.put(rows.getString(1), rows.getLong(2));
				}
			}
		}
		return status;
	}

	/** Each process's shares by thread, and its request threads' by library or wait. */
	private void tables(String event, Map<String, StackShares> recorded) {
		boolean wall = event.equals("wall");
		recorded.forEach((process, shares) -> {
			table(process + (wall ? ", wall clock" : ", CPU") + " by thread", shares.byThread(), 8);
			table(process + "'s request threads, " + (wall ? "wall clock by what they wait on" : "CPU by library"),
					wall ? shares.byWait(REQUEST_THREADS, WAITS) : shares.byLibrary(REQUEST_THREADS, LIBRARIES), 12);
		});
	}

	/**
	 * The tables again from the stacks a run left in coupon-bench/target, without running
	 * anything ({@code ClaimProfile --tables}).
	 */
	private static void tablesOfLastRun() throws IOException {
		ClaimProfile printer = new ClaimProfile(null);
		for (String event : List.of("cpu", "itimer", "wall")) {
			Map<String, StackShares> recorded = new LinkedHashMap<>();
			for (String process : List.of("api", "admin")) {
				Path stacks = Path.of("coupon-bench", "target", "claim-hot-" + process + "-" + event + ".collapsed");
				if (Files.exists(stacks)) {
					recorded.put(process, StackShares.read(stacks));
				}
			}
			if (!recorded.isEmpty()) {
				printer.line("");
				printer.line("### " + event);
				printer.tables(event, recorded);
			}
		}
	}

	private void table(String title, Map<String, Double> shares, int rows) {
		line("");
		line("| " + title + " | share |");
		line("|---|---|");
		shares.entrySet()
			.stream()
			.limit(rows)
			.forEach((share) -> line("| %s | %.1f%% |".formatted(share.getKey(), share.getValue())));
	}

	private static Map<String, Pattern> patterns(String... namesAndPatterns) {
		Map<String, Pattern> patterns = new LinkedHashMap<>();
		for (int i = 0; i < namesAndPatterns.length; i += 2) {
			patterns.put(namesAndPatterns[i], Pattern.compile(namesAndPatterns[i + 1]));
		}
		return patterns;
	}

	private void line(String text) {
		System.out.println(text);
		this.report.append(text).append('\n');
	}

}
