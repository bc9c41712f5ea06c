package com.couponplatform.redemption;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;

import com.couponplatform.shared.InvalidInputException;

/**
 * What a generated batch's codes look like: a normalised prefix, {@code length} random
 * symbols, and optionally a check character.
 *
 * @param prefix normalised base32 prefix, possibly empty
 * @param length random symbols per code
 * @param checkCharacter whether a check character ends each code
 */
public record CodeShape(String prefix, int length, boolean checkCharacter) {

	/** Fewest random symbols a code may have. */
	public static final int MIN_LENGTH = 8;

	/** Most random symbols a code may have. */
	public static final int MAX_LENGTH = 32;

	/** Longest prefix. */
	public static final int MAX_PREFIX = 16;

	/**
	 * How much larger than the batch the space of random parts must be: a guess then
	 * finds one of the batch's codes less than once in a billion tries, and drawing a
	 * code that exists already stays rare enough not to slow generation.
	 */
	public static final long SPARSENESS = 1_000_000_000L;

	private static final BigInteger BASE = BigInteger.valueOf(32);

	/**
	 * Checks an operator's pattern against the number of codes it must hold.
	 * @param prefix the prefix as typed, or {@code null}
	 * @param length random symbols per code, or {@code null} for 12
	 * @param checkCharacter whether to add a check character, or {@code null} for yes
	 * @param quantity codes to generate
	 * @return the shape, with the prefix normalised
	 * @throws InvalidInputException when the prefix is not base32 or too long, the length
	 * out of range, or the pattern too small for the quantity
	 */
	public static CodeShape of(String prefix, Integer length, Boolean checkCharacter, long quantity) {
		String normalised = (prefix != null) ? CodeAlphabet.normalise(prefix) : "";
		if (normalised.length() > MAX_PREFIX || !CodeAlphabet.isBase32(normalised)) {
			throw new InvalidInputException("prefix",
					"must be at most " + MAX_PREFIX + " characters of Crockford base32 (0-9, A-Z without I, L, O, U)");
		}
		int symbols = (length != null) ? length : 12;
		if (symbols < MIN_LENGTH || symbols > MAX_LENGTH) {
			throw new InvalidInputException("length", "must be " + MIN_LENGTH + " to " + MAX_LENGTH);
		}
		CodeShape shape = new CodeShape(normalised, symbols, checkCharacter == null || checkCharacter);
		if (shape.space().compareTo(BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(SPARSENESS))) < 0) {
			throw new InvalidInputException("length", "32^" + symbols + " possible codes are too few for " + quantity
					+ " codes to stay unguessable; use a length of at least " + minimumLength(quantity));
		}
		return shape;
	}

	/**
	 * The shortest random part that keeps a batch of that size sparse enough.
	 * @param quantity codes in the batch
	 * @return the length
	 */
	public static int minimumLength(long quantity) {
		BigInteger needed = BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(SPARSENESS));
		int length = MIN_LENGTH;
		while (BASE.pow(length).compareTo(needed) < 0) {
			length++;
		}
		return length;
	}

	/**
	 * The number of distinct random parts.
	 * @return {@code 32^length}
	 */
	public BigInteger space() {
		return BASE.pow(this.length);
	}

	/**
	 * Characters in a whole code.
	 * @return prefix, random part and check character
	 */
	public int codeLength() {
		return this.prefix.length() + this.length + (this.checkCharacter ? 1 : 0);
	}

	/**
	 * Whether a normalised code has this shape, so that its check character (if the shape
	 * has one) must hold.
	 * @param code a normalised code
	 * @return whether prefix and length match
	 */
	public boolean matches(String code) {
		return code.length() == codeLength() && code.startsWith(this.prefix);
	}

	/**
	 * Whether a code could have both shapes: the same length, one prefix the start of the
	 * other.
	 * @param other another shape
	 * @return whether they overlap
	 */
	public boolean overlaps(CodeShape other) {
		return codeLength() == other.codeLength()
				&& (this.prefix.startsWith(other.prefix) || other.prefix.startsWith(this.prefix));
	}

	/**
	 * Draws one code.
	 * @param random a {@link SecureRandom} in production
	 * @return a normalised code of this shape
	 */
	public String draw(Random random) {
		StringBuilder code = new StringBuilder(codeLength()).append(this.prefix);
		// 5 bits per symbol, from 60 of each 64 random bits.
		long bits = 0;
		int left = 0;
		for (int i = 0; i < this.length; i++) {
			if (left < 5) {
				bits = random.nextLong();
				left = 60;
			}
			code.append(CodeAlphabet.symbol((int) (bits & 31)));
			bits >>>= 5;
			left -= 5;
		}
		if (this.checkCharacter) {
			code.append(CodeAlphabet.checkCharacter(code));
		}
		return code.toString();
	}

}
