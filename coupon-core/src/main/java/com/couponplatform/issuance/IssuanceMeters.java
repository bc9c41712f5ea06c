package com.couponplatform.issuance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Issuance progress for dashboards, in the processes that run jobs:
 * {@code coupon.issuance.jobs{status}} (pending, running, paused) and
 * {@code coupon.issuance.remaining{status}} (their targets neither issued nor failed
 * yet); {@link WriteIssuanceChunk} counts {@code coupon.issuance.issued}.
 *
 * <p>
 * The gauges read one grouped query of the global database, at most every
 * {@link #FRESH_FOR} however often they are scraped, so several scrapers cost nothing
 * more; a failed read keeps the last figures.
 */
@Component
@ConditionalOnProperty(name = "coupon.issuance.enabled", havingValue = "true", matchIfMissing = true)
class IssuanceMeters implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(IssuanceMeters.class);

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private static final List<IssuanceStatus> UNFINISHED = List.of(IssuanceStatus.PENDING, IssuanceStatus.RUNNING,
			IssuanceStatus.PAUSED);

	private final IssuanceJobMapper jobs;

	private final Clock clock;

	private Map<IssuanceStatus, IssuanceJobMapper.UnfinishedJobs> latest = Map.of();

	private Instant readAt = Instant.MIN;

	IssuanceMeters(IssuanceJobMapper jobs, Clock clock) {
		this.jobs = jobs;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (IssuanceStatus status : UNFINISHED) {
			String tag = status.name().toLowerCase();
			Gauge.builder("coupon.issuance.jobs", () -> unfinished(status).jobs())
				.description("Issuance jobs not yet ended, by status")
				.tag("status", tag)
				.register(registry);
			Gauge.builder("coupon.issuance.remaining", () -> unfinished(status).remaining())
				.description("Targets of those jobs neither issued nor failed yet")
				.tag("status", tag)
				.register(registry);
		}
	}

	private synchronized IssuanceJobMapper.UnfinishedJobs unfinished(IssuanceStatus status) {
		Instant now = this.clock.instant();
		if (!now.isBefore(this.readAt.plus(FRESH_FOR))) {
			this.readAt = now;
			try {
				Map<IssuanceStatus, IssuanceJobMapper.UnfinishedJobs> read = new EnumMap<>(IssuanceStatus.class);
				this.jobs.countUnfinished().forEach((row) -> read.put(row.status(), row));
				this.latest = read;
			}
			catch (RuntimeException ex) {
				logger.debug("Issuance progress not read: {}", ex.toString());
			}
		}
		return this.latest.getOrDefault(status, new IssuanceJobMapper.UnfinishedJobs(status, 0, 0));
	}

}
