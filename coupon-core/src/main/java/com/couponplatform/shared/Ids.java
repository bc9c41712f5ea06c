package com.couponplatform.shared;

/**
 * Parses the 64-bit IDs that travel as JSON strings.
 */
public final class Ids {

	private Ids() {
	}

	/**
	 * Parses a positive ID.
	 * @param field the input field, for the error
	 * @param text the ID as sent
	 * @return the ID
	 * @throws InvalidInputException when the text is missing or not a positive 64-bit
	 * integer
	 */
	public static long parse(String field, String text) {
		long id = UserId.parseOrNegative(text);
		if (id <= 0) {
			throw new InvalidInputException(field, "must be a positive 64-bit integer in decimal");
		}
		return id;
	}

}
