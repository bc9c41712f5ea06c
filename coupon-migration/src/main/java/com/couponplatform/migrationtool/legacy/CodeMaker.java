package com.couponplatform.migrationtool.legacy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import com.couponplatform.redemption.CodeAlphabet;

/**
 * Draws legacy codes as the monolith's operators made them over the years: upper case,
 * some in mixed case, some grouped with dashes — each distinct once normalised, except
 * the pairs the caller asks for on purpose.
 */
final class CodeMaker {

	private static final String LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ0123456789";

	private final SplittableRandom random;

	private final Set<String> normalised = new HashSet<>();

	CodeMaker(SplittableRandom random) {
		this.random = random;
	}

	/** A code as typed; its normalised form is new. */
	String make() {
		while (true) {
			StringBuilder code = new StringBuilder();
			int length = 10 + this.random.nextInt(7);
			boolean mixed = this.random.nextInt(10) < 3;
			boolean dashed = this.random.nextInt(10) < 3;
			for (int i = 0; i < length; i++) {
				if (dashed && i > 0 && i % 4 == 0) {
					code.append('-');
				}
				char c = LETTERS.charAt(this.random.nextInt(LETTERS.length()));
				code.append((mixed && this.random.nextBoolean()) ? Character.toLowerCase(c) : c);
			}
			if (this.normalised.add(CodeAlphabet.normalise(code.toString()))) {
				return code.toString();
			}
		}
	}

	/**
	 * Another way of typing a code that normalises to the same code yet is another key of
	 * the legacy table (whose collation ignores case, not dashes): without its dashes, or
	 * with one if it had none.
	 */
	static String retyped(String code) {
		return code.contains("-") ? code.replace("-", "") : code.substring(0, 4) + "-" + code.substring(4);
	}

	static boolean mixedCase(String code) {
		return !code.equals(code.toUpperCase(Locale.ROOT)) && !code.equals(code.toLowerCase(Locale.ROOT));
	}

}
