package com.couponplatform.bench.claim;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.couponplatform.bench.claim.BenchEnvironment.env;
import static com.couponplatform.bench.claim.BenchEnvironment.required;

/**
 * Where the platform under test is and how hard to push it, from the environment that
 * {@code deploy/bench.sh} sets (the COUPON_* variables of the running platform).
 */
record Settings(String api, String admin, String jwtSecret, String adminPassword, String redisHost, int redisPort,
		String redisPrefix, String jdbcUrl, String dbUser, String dbPassword, String dbPrefix, int claims, int workers,
		int templates, int openLoopSeconds, int warmUp, String reportFile, long templateLocalCacheSize,
		Map<String, Long> processes) {

	static Settings fromEnvironment() {
		String dbHost = env("COUPON_DB_HOST", "127.0.0.1");
		String dbPort = env("COUPON_DB_PORT", "3306");
		return new Settings(env("BENCH_API", "http://127.0.0.1:28080"), env("BENCH_ADMIN", "http://127.0.0.1:28081"),
				required("COUPON_JWT_SECRET"), required("COUPON_ADMIN_PASSWORD"), env("COUPON_REDIS_HOST", "127.0.0.1"),
				Integer.parseInt(env("COUPON_REDIS_PORT", "6379")), env("COUPON_REDIS_KEY_PREFIX", "couponbench:"),
				"jdbc:mysql://" + dbHost + ":" + dbPort + "/", env("COUPON_DB_USER", "root"),
				env("COUPON_DB_PASSWORD", ""), env("COUPON_DB_PREFIX", "couponbench"),
				Integer.parseInt(env("BENCH_CLAIMS", "20000")), Integer.parseInt(env("BENCH_WORKERS", "48")),
				Integer.parseInt(env("BENCH_TEMPLATES", "1000")),
				Integer.parseInt(env("BENCH_OPEN_LOOP_SECONDS", "10")), Integer.parseInt(env("BENCH_WARM_UP", "10000")),
				env("BENCH_REPORT", "coupon-bench/target/claim-benchmark.md"),
				// As the platform was started with it; only reported.
				Long.parseLong(env("COUPON_CACHE_TEMPLATE_LOCAL_MAXIMUM_SIZE", "10000")),
				processes(System.getenv("BENCH_PIDS")));
	}

	/**
	 * {@code api=123,admin=456}: the platform's processes by name, for the JIT's clock
	 * and the profiler; none when unset.
	 */
	private static Map<String, Long> processes(String text) {
		Map<String, Long> processes = new LinkedHashMap<>();
		if (text != null && !text.isBlank()) {
			for (String entry : text.split(",")) {
				String[] pair = entry.split("=", 2);
				processes.put(pair[0].strip(), Long.parseLong(pair[1].strip()));
			}
		}
		return processes;
	}

}
