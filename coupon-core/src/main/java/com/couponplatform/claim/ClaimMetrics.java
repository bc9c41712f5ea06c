package com.couponplatform.claim;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.couponplatform.shared.ProblemCode;

/**
 * Claim meters: {@code coupon.claims} by outcome, the {@code coupon.claim.latency}
 * histogram with the service-level buckets dashboards and alerts read, which path decided
 * ({@code coupon.claim.gate}: the Redis gate or the database fallback), and per template
 * the Redis stock's {@code coupon.claim.stock.drift} from the database as reconciliation
 * last saw it.
 */
class ClaimMetrics {

	private static final Duration[] SLO_BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
			Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5) };

	private final MeterRegistry registry;

	private final Timer latency;

	private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

	private final Map<Long, AtomicLong> drift = new ConcurrentHashMap<>();

	private final Counter redisPath;

	private final Counter databasePath;

	ClaimMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.latency = Timer.builder("coupon.claim.latency")
			.description("Time to decide a claim, issued or refused")
			// Fixed buckets instead of Micrometer's ~70 percentile ones: an SLO reads as
			// one bucket over the count (claims decided within 100 ms), and every
			// instance exports the same few series (deploy/observability).
			.serviceLevelObjectives(SLO_BUCKETS)
			.register(registry);
		this.redisPath = gate("redis");
		this.databasePath = gate("database");
	}

	Timer.Sample start() {
		return Timer.start(this.registry);
	}

	void issued(Timer.Sample sample, boolean replayed) {
		record(sample, replayed ? "replayed" : "issued");
	}

	void refused(Timer.Sample sample, ProblemCode code) {
		record(sample, code.name().toLowerCase());
	}

	void failed(Timer.Sample sample) {
		record(sample, "error");
	}

	void decidedByRedis() {
		this.redisPath.increment();
	}

	void fellBackToDatabase() {
		this.databasePath.increment();
	}

	void drift(long templateId, long units) {
		this.drift.computeIfAbsent(templateId, (id) -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder("coupon.claim.stock.drift", value, AtomicLong::get)
				.description("Redis remaining stock minus (total - issued in the database)")
				.tag("template", Long.toString(id))
				.register(this.registry);
			return value;
		}).set(units);
	}

	private void record(Timer.Sample sample, String outcome) {
		sample.stop(this.latency);
		this.outcomes
			.computeIfAbsent(outcome,
					(name) -> Counter.builder("coupon.claims").tag("outcome", name).register(this.registry))
			.increment();
	}

	private Counter gate(String path) {
		return Counter.builder("coupon.claim.gate")
			.description("Claims decided by the Redis gate or, when it is unavailable, the database")
			.tag("path", path)
			.register(this.registry);
	}

}
