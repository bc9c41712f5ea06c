package com.couponplatform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads admin input times: an ISO-8601 instant or offset date-time as given, and a
 * date-only value in the business time zone, where a start date D means 00:00 of D and an
 * end date D means before 00:00 of D+1.
 */
public final class BusinessTime {

	private final ZoneId zone;

	public BusinessTime(ZoneId zone) {
		this.zone = zone;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * Reads the inclusive start of a period.
	 * @param text an instant, an offset date-time or a date
	 * @return the instant, or {@code null} when the text is not a time
	 */
	public Instant startOf(String text) {
		return parse(text, false);
	}

	/**
	 * Reads the exclusive end of a period.
	 * @param text an instant, an offset date-time or a date
	 * @return the instant, or {@code null} when the text is not a time
	 */
	public Instant endOf(String text) {
		return parse(text, true);
	}

	private Instant parse(String text, boolean end) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			if (text.length() == 10) {
				LocalDate date = LocalDate.parse(text);
				return (end ? date.plusDays(1) : date).atStartOfDay(this.zone).toInstant();
			}
			// Stored with millisecond precision; truncate here so that what is stored is
			// what was read.
			return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
