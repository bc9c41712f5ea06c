package com.couponplatform.bench.claim;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import com.couponplatform.bench.load.ClosedLoopLoad;
import com.couponplatform.bench.load.LoadRequest;
import com.couponplatform.bench.load.LoadResult;
import com.couponplatform.bench.load.OpenLoopLoad;

/**
 * The claim benchmark ({@code ./deploy/bench.sh claims} runs it against a fresh local
 * platform). Every figure comes from this run on this machine: the baselines first, then
 * the claim's peak rate with one hot template and with 1,000, then open-loop latency at
 * 25, 50 and 75% of the hot peak. Each run checks that the coupon rows equal the stock it
 * offered, and prints a Markdown report.
 */
public final class ClaimBenchmark {

	private final Settings settings;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ClaimRequests requests;

	private final PlatformClient platform;

	private final StringBuilder report = new StringBuilder();

	private ClaimBenchmark(Settings settings) {
		this.settings = settings;
		this.requests = new ClaimRequests(settings);
		this.platform = new PlatformClient(this.http, settings.admin(), settings.adminPassword(), settings.jdbcUrl(),
				settings.dbUser(), settings.dbPassword(), settings.dbPrefix());
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromEnvironment();
		Config config = new Config();
		config.setCodec(StringCodec.INSTANCE);
		config.useSingleServer()
			.setAddress("redis://" + settings.redisHost() + ":" + settings.redisPort())
			.setConnectionPoolSize(64);
		RedissonClient redis = Redisson.create(config);
		try {
			new ClaimBenchmark(settings)
				.run(new RedisBaselines(redis, settings.redisPrefix(), settings.redisHost(), settings.redisPort()));
		}
		finally {
			redis.shutdown();
		}
	}

	private void run(RedisBaselines baselines) throws Exception {
		int claims = this.settings.claims();
		line("## Claim benchmark — " + java.time.LocalDate.now() + ", " + Machine.describe());
		line("");
		line("Settings: " + claims + " claims per peak run, " + this.settings.workers() + " closed-loop workers, "
				+ this.settings.openLoopSeconds() + " s per open-loop run, " + this.settings.templates()
				+ " templates in the spread run; template L1 "
				+ ((this.settings.templateLocalCacheSize() > 0)
						? "on (" + this.settings.templateLocalCacheSize() + " entries)" : "off (every read from Redis)")
				+ ".");
		line("");

		// Warm-up: JIT (of the service and of this generator), connection pools, the
		// template cache. Each baseline also runs once unmeasured.
		line(WarmUp.run(this.http, this.platform, this.requests, this.settings) + ".");
		line("");
		baselines.evalshaRate(3, 64);
		baselines.lockedGateRate(2, 16);

		double evalsha = baselines.evalshaRate(5, 64);
		double locked = baselines.lockedGateRate(5, 16);
		LoadResult noop = ClosedLoopLoad.run(this.http, this.requests.noops(claims), this.settings.workers());

		long hot = this.platform.activeTemplate("bench hot", claims);
		List<LoadRequest> hotClaims = this.requests.claims(List.of(hot), claims);
		Map<String, Long> before = baselines.commandCalls();
		LoadResult hotPeak = ClosedLoopLoad.run(this.http, hotClaims, this.settings.workers());
		Map<String, Long> after = baselines.commandCalls();
		verify("hot peak", List.of(hot), claims, hotPeak);
		drain(hot, claims);

		List<Long> spread = new ArrayList<>();
		for (int i = 0; i < this.settings.templates(); i++) {
			spread.add(this.platform.activeTemplate("bench spread " + i, claims / this.settings.templates()));
		}
		int spreadClaims = (claims / this.settings.templates()) * this.settings.templates();
		LoadResult spreadPeak = ClosedLoopLoad.run(this.http, this.requests.claims(spread, spreadClaims),
				this.settings.workers());
		verify("spread peak", spread, spreadClaims, spreadPeak);
		// Every template's events, not only the last's: the consumer need not count them
		// in order, and the open-loop runs must not share the machine with it.
		for (long template : spread) {
			drain(template, spreadClaims / spread.size());
		}

		line("| measure | result |");
		line("|---|---|");
		line(row("raw EVALSHA of the claim script (64 in flight)", "%.0f calls/s", evalsha));
		line(row("Redisson-lock gate (16 threads, lock + 4 commands + unlock)", "%.0f decisions/s (%.2f × EVALSHA)",
				locked, locked / evalsha));
		line(row("no-op endpoint peak (closed loop)", "%.0f req/s %s", noop.rate(), noop.describeStatuses()));
		line(row("claim peak, one hot template", "%.0f claims/s = %.2f × no-op, %.3f × EVALSHA", hotPeak.rate(),
				hotPeak.rate() / noop.rate(), hotPeak.rate() / evalsha));
		line(row("claim peak, " + this.settings.templates() + " templates", "%.0f claims/s; hot / spread = %.2f",
				spreadPeak.rate(), hotPeak.rate() / spreadPeak.rate()));
		line(row("Redis commands per claim (INFO commandstats, hot peak)", "%.3f EVALSHA, %.3f EVAL, %.3f all",
				delta(before, after, "evalsha") / (double) claims, delta(before, after, "eval") / (double) claims,
				totalDelta(before, after) / (double) claims));
		line(row("busiest Redis commands during the hot peak (calls)", "%s", busiest(before, after)));
		line("");
		line("Open loop, one hot template (latency from the scheduled send time):");
		line("");
		line("| offered rate | achieved | p50 ms | p99 ms | p99.9 ms | max ms | answers | issued == stock |");
		line("|---|---|---|---|---|---|---|---|");
		for (int percent : new int[] { 25, 50, 75 }) {
			double rate = hotPeak.rate() * percent / 100;
			int count = (int) (rate * this.settings.openLoopSeconds());
			long template = this.platform.activeTemplate("bench open " + percent, count);
			LoadResult open = OpenLoopLoad.run(this.http, this.requests.claims(List.of(template), count), rate);
			boolean exact = verify("open loop " + percent + "%", List.of(template), count, open);
			drain(template, count);
			line("| %d%% = %.0f/s | %.0f/s | %.2f | %.2f | %.2f | %.2f | %s | %s |".formatted(percent, rate,
					open.rate(), open.percentileMillis(50), open.percentileMillis(99), open.percentileMillis(99.9),
					open.latencyMicros().getMaxValue() / 1000.0, open.describeStatuses(), exact ? "yes" : "NO"));
		}
		System.out.println();
		System.out.println(this.report);
		Path out = Path.of(this.settings.reportFile());
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, this.report);
		System.out.println("Report written to " + out);
	}

	/**
	 * Checks the run against the truth: every claim answered 201, and the rows and the
	 * guarded counter both equal the stock offered.
	 */
	private boolean verify(String run, List<Long> templates, int stock, LoadResult result) throws Exception {
		long rows = this.platform.couponRows(templates);
		long counter = 0;
		if (templates.size() == 1) {
			counter = this.platform.issuedCounter(templates.get(0));
		}
		boolean exact = result.status(201) == stock && rows == stock && (templates.size() > 1 || counter == stock);
		line("- " + run + ": " + result.describeStatuses() + ", rows " + rows
				+ ((templates.size() == 1) ? ", counter " + counter : "") + ", stock " + stock + " → "
				+ (exact ? "issued == stock" : "MISMATCH"));
		return exact;
	}

	/** Lets the event pipeline of a run finish before the next one is measured. */
	private void drain(long template, long issued) throws Exception {
		if (!this.platform.awaitStatistic(template, issued, Duration.ofMinutes(3))) {
			line("- warning: the statistic of template " + template + " did not reach " + issued + " within 3 min");
		}
	}

	private static long delta(Map<String, Long> before, Map<String, Long> after, String command) {
		return after.getOrDefault(command, 0L) - before.getOrDefault(command, 0L);
	}

	private static long totalDelta(Map<String, Long> before, Map<String, Long> after) {
		long total = 0;
		for (String command : after.keySet()) {
			// The INFO that took the first reading is not the claims'.
			total += command.equals("info") ? 0 : delta(before, after, command);
		}
		return total;
	}

	private static String busiest(Map<String, Long> before, Map<String, Long> after) {
		return after.keySet()
			.stream()
			.sorted(java.util.Comparator.comparingLong((String command) -> -delta(before, after, command)))
			.limit(6)
			.map((command) -> command + " " + delta(before, after, command))
			.collect(java.util.stream.Collectors.joining(", "));
	}

	private static String row(String measure, String format, Object... values) {
		return "| " + measure + " | " + format.formatted(values) + " |";
	}

	private void line(String text) {
		System.out.println(text);
		this.report.append(text).append('\n');
	}

}
