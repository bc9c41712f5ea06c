package com.couponplatform.shared;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses the optional ISO-8601 instants that requests carry as strings.
 */
public final class Instants {

	private Instants() {
	}

	/**
	 * Parses an optional instant.
	 * @param field the input field, for the error
	 * @param text the instant as sent, such as {@code 2026-12-01T08:00:00Z}
	 * @return the instant, or {@code null} when none was sent
	 * @throws InvalidInputException when the text is not an ISO-8601 instant
	 */
	public static Instant parseOptional(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
		}
	}

}
