package com.couponplatform.redemption;

/**
 * Crockford's base32 symbols, the text rules of a code and its check character.
 *
 * <p>
 * The alphabet leaves out I, L, O and U, so a code read aloud or off paper cannot be
 * mistyped between look-alikes; normalising maps the look-alikes a user may still type (O
 * to 0, I and L to 1), upper-cases, and drops the spaces and dashes people add for
 * readability. The normalised code is what is stored, sharded and compared.
 *
 * <p>
 * The check character is Luhn mod 32 over every symbol before it (prefix included): it
 * catches every single mistyped symbol and every swap of two adjacent different symbols
 * but one (0 and Z, whose doubled values equal their own), so a typo is refused before
 * any storage is read, and only one random guess in 32 reaches the database at all.
 */
public final class CodeAlphabet {

	/** The 32 symbols, in value order. */
	public static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	/** The longest normalised code the platform stores. */
	public static final int MAX_CODE_LENGTH = 64;

	private static final int BASE = 32;

	private static final int[] VALUES = new int[128];

	static {
		java.util.Arrays.fill(VALUES, -1);
		for (int i = 0; i < BASE; i++) {
			VALUES[SYMBOLS.charAt(i)] = i;
		}
	}

	private CodeAlphabet() {
	}

	/**
	 * The normalised form of a code as typed: upper case, spaces and dashes removed, O
	 * read as 0 and I or L as 1. Other characters are kept, so an imported code may use
	 * letters outside the alphabet (U).
	 * @param typed the code as typed
	 * @return the normalised code (possibly empty)
	 */
	public static String normalise(String typed) {
		StringBuilder code = new StringBuilder(typed.length());
		for (int i = 0; i < typed.length(); i++) {
			char c = typed.charAt(i);
			if (c == ' ' || c == '-' || c == '\t') {
				continue;
			}
			c = Character.toUpperCase(c);
			switch (c) {
				case 'O' -> code.append('0');
				case 'I', 'L' -> code.append('1');
				default -> code.append(c);
			}
		}
		return code.toString();
	}

	/**
	 * Whether a normalised code can be stored: 1 to {@value #MAX_CODE_LENGTH} of A–Z and
	 * 0–9.
	 * @param code a normalised code
	 * @return whether it is well formed
	 */
	public static boolean isWellFormed(String code) {
		if (code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
			return false;
		}
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether every character is one of the 32 symbols.
	 * @param text normalised text
	 * @return whether it is Crockford base32
	 */
	public static boolean isBase32(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (value(text.charAt(i)) < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The symbol of a value.
	 * @param value {@code 0 … 31}
	 * @return its symbol
	 */
	static char symbol(int value) {
		return SYMBOLS.charAt(value);
	}

	/**
	 * The Luhn mod 32 check character of a body of symbols.
	 * @param body normalised base32 symbols
	 * @return the symbol that completes it
	 * @throws IllegalArgumentException when the body has a character outside the alphabet
	 */
	public static char checkCharacter(CharSequence body) {
		// Doubling starts with the rightmost symbol of the body, as the check character
		// will sit to its right and is itself never doubled.
		int sum = 0;
		boolean doubled = true;
		for (int i = body.length() - 1; i >= 0; i--) {
			int value = value(body.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("Not a base32 symbol: " + body.charAt(i));
			}
			if (doubled) {
				value *= 2;
				value = value / BASE + value % BASE;
			}
			sum += value;
			doubled = !doubled;
		}
		return symbol((BASE - sum % BASE) % BASE);
	}

	/**
	 * Whether a code's last character is the check character of the rest.
	 * @param code a normalised code
	 * @return whether it checks out (a code with a symbol outside the alphabet never
	 * does)
	 */
	public static boolean hasValidCheckCharacter(String code) {
		if (code.length() < 2 || !isBase32(code)) {
			return false;
		}
		return checkCharacter(code.subSequence(0, code.length() - 1)) == code.charAt(code.length() - 1);
	}

	private static int value(char c) {
		return (c < 128) ? VALUES[c] : -1;
	}

}
