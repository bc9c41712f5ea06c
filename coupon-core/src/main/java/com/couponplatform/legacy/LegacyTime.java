package com.couponplatform.legacy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The legacy database's clock: local {@code DATETIME}s without a zone, read in
 * {@code COUPON_LEGACY_TIME_ZONE} (default Asia/Shanghai, DST-free since 1991), at whole
 * seconds.
 *
 * @param zone the zone the monolith wrote its local times in
 */
public record LegacyTime(ZoneId zone) {

	/** The monolith's zone, unless configured otherwise. */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	public LegacyTime {
		if (zone == null) {
			throw new IllegalArgumentException("a legacy time zone is required");
		}
	}

	/**
	 * The instant of a legacy local time.
	 * @param local a legacy DATETIME, or {@code null}
	 * @return the instant, or {@code null} for SQL NULL
	 */
	public Instant toInstant(LocalDateTime local) {
		return (local != null) ? local.atZone(this.zone).toInstant() : null;
	}

	/**
	 * The legacy local time of an instant, truncated to the second as a DATETIME stores
	 * it.
	 * @param instant an instant, or {@code null}
	 * @return the local time, or {@code null}
	 */
	public LocalDateTime toLocal(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), this.zone) : null;
	}

}
