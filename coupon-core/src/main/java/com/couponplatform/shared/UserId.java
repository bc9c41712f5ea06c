package com.couponplatform.shared;

/**
 * Parses user IDs: positive 64-bit integers in canonical decimal (no sign, no leading
 * zeros), the form that the sharding hash is computed over.
 */
public final class UserId {

	private UserId() {
	}

	/**
	 * Parses a canonical user ID.
	 * @param text the decimal text
	 * @return the ID, or {@code -1} when the text is not a canonical positive 64-bit
	 * integer
	 */
	public static long parseOrNegative(String text) {
		if (text == null || text.isEmpty() || text.length() > 19 || text.charAt(0) == '0') {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return -1;
			}
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
