package com.couponplatform.replication;

import java.util.concurrent.TimeUnit;

import com.couponplatform.gateway.OldDatabase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The replication's backlog as metrics, in every process with a legacy database (the
 * worker, which applies, serves no scrape): {@code coupon.migration.replication.pending}
 * and {@code coupon.migration.replication.lag} (the oldest pending change's age), read
 * from OLD's outbox at most once a second however often they are scraped.
 */
final class BacklogMeters {

	private static final long READ_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final OldDatabase old;

	private volatile Backlog last = Backlog.NONE;

	private volatile long readAt = System.nanoTime() - READ_EVERY_NANOS - 1;

	BacklogMeters(OldDatabase old, MeterRegistry registry) {
		this.old = old;
		Gauge.builder("coupon.migration.replication.pending", this, (meters) -> meters.backlog().pending())
			.description("Changes not yet applied to the other side (0 = drained)")
			.tag("direction", "toNew")
			.register(registry);
		Gauge.builder("coupon.migration.replication.lag", this, (meters) -> meters.backlog().lagMillis() / 1000.0)
			.description("Age of the oldest change not yet applied")
			.tag("direction", "toNew")
			.baseUnit("seconds")
			.register(registry);
	}

	private Backlog backlog() {
		if (System.nanoTime() - this.readAt > READ_EVERY_NANOS) {
			try {
				this.last = Backlog.toNew(this.old.sql());
			}
			catch (RuntimeException ex) {
				// OLD unreachable: the last reading stands; the service's health says
				// why.
			}
			this.readAt = System.nanoTime();
		}
		return this.last;
	}

}
