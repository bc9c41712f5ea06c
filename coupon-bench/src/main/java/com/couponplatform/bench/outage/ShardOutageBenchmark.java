package com.couponplatform.bench.outage;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.couponplatform.bench.claim.Machine;
import com.couponplatform.bench.claim.PlatformClient;
import com.couponplatform.bench.load.BenchTokens;
import com.couponplatform.bench.load.LoadRequest;
import com.couponplatform.bench.load.LoadResult;
import com.couponplatform.bench.load.OpenLoopLoad;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingLayout;

import static com.couponplatform.bench.claim.BenchEnvironment.env;
import static com.couponplatform.bench.claim.BenchEnvironment.required;

/**
 * What one shard's outage does to everyone else ({@code ./deploy/bench.sh outage} runs it
 * against a private platform whose shard 1 lives on a mariadbd of its own): the same
 * open-loop load — half claims by fresh users, half wallet reads by users who hold a
 * coupon — for shard 0's users and for shard 1's users at once, through four phases of
 * equal length after a warm-up: healthy (the baseline of the same run), shard 1's server
 * frozen (SIGSTOP), thawed (SIGCONT; service resumes with no restart), killed (SIGKILL).
 * Each phase reports, per shard, the answers by status and the latency percentiles from
 * each call's due time, and shard 0's percentiles as ratios of its healthy phase. At the
 * end shard 0's coupon rows must equal its holders plus its 201 claims.
 */
public final class ShardOutageBenchmark {

	private static final int HEALTHY = 0;

	private static final int DOWN = 1;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final StringBuilder report = new StringBuilder();

	private final String api = env("BENCH_API", "http://127.0.0.1:28080");

	private final BenchTokens tokens = new BenchTokens(required("COUPON_JWT_SECRET"));

	private final PlatformClient platform = PlatformClient.fromEnvironment(this.http);

	private final ShardRouter router = new ShardRouter(
			new ShardingLayout(Integer.parseInt(env("COUPON_SHARDING_DATABASES", "2")),
					Integer.parseInt(env("COUPON_SHARDING_TABLES", "8"))));

	/** The private mariadbd of shard 1, which the phases stop, continue and kill. */
	private final long shardServer = Long.parseLong(readPid(required("BENCH_SHARD_PID_FILE")));

	private final int ratePerShard = Integer.parseInt(env("BENCH_OUTAGE_RATE", "50"));

	private final int seconds = Integer.parseInt(env("BENCH_OUTAGE_SECONDS", "10"));

	private final int holdersPerShard = Integer.parseInt(env("BENCH_OUTAGE_HOLDERS", "200"));

	/**
	 * Fresh users each run, so a rerun against the same databases never meets a coupon.
	 */
	private long nextUser = (System.currentTimeMillis() % 100_000_000L) * 10_000L;

	private ShardOutageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		new ShardOutageBenchmark().run();
	}

	private void run() throws Exception {
		line("## Shard outage benchmark — " + LocalDate.now() + ", " + Machine.describe());
		line("");
		line("Open loop, " + this.ratePerShard + " calls/s for shard 0's users and as many for shard 1's, "
				+ this.seconds + " s per phase; each call a claim by a fresh user or a wallet read by one of "
				+ this.holdersPerShard + " holders per shard, alternately. Latency in ms from each call's due time.");
		line("");
		long template = this.platform.activeTemplate("outage bench", 1_000_000);
		Map<Integer, List<Long>> holders = new LinkedHashMap<>();
		for (int shard : List.of(HEALTHY, DOWN)) {
			holders.put(shard, holders(template, shard));
		}

		// JIT, pools and caches warm before the baseline is taken; not reported.
		Map<Integer, LoadResult> warmUp = phase(template, holders, null);
		Map<String, Map<Integer, LoadResult>> phases = new LinkedHashMap<>();
		phases.put("healthy", phase(template, holders, null));
		phases.put("shard 1 frozen (SIGSTOP)", phase(template, holders, "STOP"));
		signal("CONT");
		phases.put("shard 1 thawed (SIGCONT)", phase(template, holders, null));
		phases.put("shard 1 killed (SIGKILL)", phase(template, holders, "KILL"));

		LoadResult baseline = phases.get("healthy").get(HEALTHY);
		line("| phase | shard 0 answers | p50 | p99 | max | p50 / p99 vs healthy | shard 1 answers | p50 | p99 | max |");
		line("|---|---|---|---|---|---|---|---|---|---|");
		long shard0Issued = this.holdersPerShard + warmUp.get(HEALTHY).status(201);
		for (Map.Entry<String, Map<Integer, LoadResult>> phase : phases.entrySet()) {
			LoadResult healthy = phase.getValue().get(HEALTHY);
			LoadResult down = phase.getValue().get(DOWN);
			shard0Issued += healthy.status(201);
			line("| %s | %s | %.1f | %.1f | %.1f | %.2f / %.2f | %s | %.1f | %.1f | %.1f |".formatted(phase.getKey(),
					healthy.describeStatuses(), healthy.percentileMillis(50), healthy.percentileMillis(99),
					healthy.percentileMillis(100), healthy.percentileMillis(50) / baseline.percentileMillis(50),
					healthy.percentileMillis(99) / baseline.percentileMillis(99), down.describeStatuses(),
					down.percentileMillis(50), down.percentileMillis(99), down.percentileMillis(100)));
		}
		line("");
		// Shard 0's rows are on the shared server; shard 1's server is dead by now.
		long rows = this.platform.couponRows(List.of(template));
		line("Shard 0: " + rows + " coupon rows of the template, " + shard0Issued + " acknowledged (holders + 201s) → "
				+ ((rows == shard0Issued) ? "rows == acknowledged" : "MISMATCH"));
		Path out = Path.of("coupon-bench/target/shard-outage-benchmark.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, this.report);
		if (rows != shard0Issued) {
			System.exit(1);
		}
	}

	/** Users of one shard who hold a coupon of the template, claimed one by one. */
	private List<Long> holders(long template, int shard) throws Exception {
		List<Long> users = new ArrayList<>();
		for (int i = 0; i < this.holdersPerShard; i++) {
			long user = userOf(shard);
			HttpResponse<String> response = this.http.send(claim(template, user).http(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				throw new IllegalStateException(
						"claim of holder " + user + " answered " + response.statusCode() + ": " + response.body());
			}
			users.add(user);
		}
		return users;
	}

	/**
	 * Both shards' loads at once, after sending the shard server a signal (if any) at the
	 * phase's start.
	 */
	private Map<Integer, LoadResult> phase(long template, Map<Integer, List<Long>> holders, String signal)
			throws Exception {
		Map<Integer, List<LoadRequest>> requests = new LinkedHashMap<>();
		for (int shard : holders.keySet()) {
			requests.put(shard, mix(template, shard, holders.get(shard)));
		}
		if (signal != null) {
			signal(signal);
		}
		ExecutorService generators = Executors.newFixedThreadPool(requests.size());
		try {
			Map<Integer, Future<LoadResult>> running = new LinkedHashMap<>();
			requests.forEach((shard, calls) -> running.put(shard,
					generators.submit(() -> OpenLoopLoad.run(this.http, calls, this.ratePerShard))));
			Map<Integer, LoadResult> results = new LinkedHashMap<>();
			for (Map.Entry<Integer, Future<LoadResult>> shard : running.entrySet()) {
				results.put(shard.getKey(), shard.getValue().get());
			}
			return results;
		}
		finally {
			generators.shutdown();
		}
	}

	private List<LoadRequest> mix(long template, int shard, List<Long> holders) {
		int count = this.ratePerShard * this.seconds;
		List<LoadRequest> calls = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			if (i % 2 == 0) {
				calls.add(claim(template, userOf(shard)));
			}
			else {
				long holder = holders.get((i / 2) % holders.size());
				calls.add(LoadRequest.get(this.api + "/api/v1/coupons?limit=20", this.tokens.user(holder)));
			}
		}
		return calls;
	}

	private LoadRequest claim(long template, long user) {
		return LoadRequest.post(this.api + "/api/v1/claims", this.tokens.user(user),
				"{\"templateId\":\"" + template + "\",\"requestId\":\"o" + user + "\"}");
	}

	private long userOf(int shard) {
		long user = ++this.nextUser;
		while (this.router.locateUser(user).database() != shard) {
			user = ++this.nextUser;
		}
		return user;
	}

	private void signal(String signal) throws Exception {
		int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(this.shardServer)).inheritIO()
			.start()
			.waitFor();
		if (exit != 0) {
			throw new IllegalStateException("kill -" + signal + " " + this.shardServer + " exited " + exit);
		}
	}

	private static String readPid(String file) {
		try {
			return Files.readString(Path.of(file)).strip();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("no pid in " + file, ex);
		}
	}

	private void line(String text) {
		System.out.println(text);
		this.report.append(text).append('\n');
	}

}
