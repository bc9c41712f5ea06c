package com.couponplatform.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the {@code DATETIME(3)} columns hold them: UTC wall-clock time with
 * milliseconds, bound as text (see {@link UtcInstantTypeHandler} for why not as
 * {@code Timestamp}). For statements that bypass MyBatis.
 */
public final class UtcInstants {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private UtcInstants() {
	}

	/**
	 * @param instant an instant, or {@code null}
	 * @return its parameter value, or {@code null}
	 */
	public static String text(Instant instant) {
		return (instant != null) ? FORMAT.format(instant.atOffset(ZoneOffset.UTC)) : null;
	}

	/**
	 * @param utc a column's value read as {@link LocalDateTime}, or {@code null}
	 * @return the instant, or {@code null}
	 */
	public static Instant instant(LocalDateTime utc) {
		return (utc != null) ? utc.toInstant(ZoneOffset.UTC) : null;
	}

}
