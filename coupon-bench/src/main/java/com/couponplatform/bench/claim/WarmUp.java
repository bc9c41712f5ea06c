package com.couponplatform.bench.claim;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import com.couponplatform.bench.load.ClosedLoopLoad;
import com.couponplatform.bench.profile.JitClock;

/**
 * The warm-up before anything is measured: rounds of no-op calls and claims (a fresh
 * template each round, its statistics drained) until coupon-api's JIT has settled — a
 * round in which its compilers worked less than 5% of the round's time — or eight rounds.
 * Without a process to watch it runs one round, as the benchmark did before.
 */
final class WarmUp {

	private static final int MAX_ROUNDS = 8;

	private static final double SETTLED = 0.05;

	private WarmUp() {
	}

	/**
	 * @return what it did, for the report
	 */
	static String run(HttpClient http, PlatformClient platform, ClaimRequests requests, Settings settings)
			throws Exception {
		Long api = settings.processes().get("api");
		JitClock jit = (api != null) ? JitClock.of(api) : null;
		int size = settings.warmUp();
		double share = Double.NaN;
		int rounds = 0;
		while (rounds < MAX_ROUNDS && (rounds == 0 || (jit != null && !(share < SETTLED)))) {
			double compiledBefore = (jit != null) ? jit.seconds() : 0;
			long start = System.nanoTime();
			ClosedLoopLoad.run(http, requests.noops(size), settings.workers());
			long template = platform.activeTemplate("bench warm-up " + rounds, size);
			ClosedLoopLoad.run(http, requests.claims(List.of(template), size), settings.workers());
			platform.awaitStatistic(template, size, Duration.ofMinutes(3));
			double seconds = (System.nanoTime() - start) / 1e9;
			share = (jit != null) ? (jit.seconds() - compiledBefore) / seconds : Double.NaN;
			rounds++;
		}
		return "warm-up: " + rounds + " round(s) of " + size + " no-ops and " + size + " claims"
				+ ((jit != null) ? "; coupon-api's JIT compiled %.0f%% of the last round's time (settled below %.0f%%)"
					.formatted(share * 100, SETTLED * 100) : "; coupon-api's JIT not watched (no BENCH_PIDS)");
	}

}
