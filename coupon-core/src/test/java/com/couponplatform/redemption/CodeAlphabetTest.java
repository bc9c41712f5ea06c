package com.couponplatform.redemption;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CodeAlphabetTest {

	@Test
	void normalisesCaseSeparatorsAndCrockfordsLookAlikes() {
		assertThat(CodeAlphabet.normalise("sale-o1il 2x")).isEqualTo("SA1E01112X");
		assertThat(CodeAlphabet.normalise(" ab-cd\tEF ")).isEqualTo("ABCDEF");
		assertThat(CodeAlphabet.normalise("u#")).isEqualTo("U#");
		assertThat(CodeAlphabet.normalise("--  ")).isEmpty();
	}

	@Test
	void acceptsOnlyLettersAndDigitsUpToTheStoredLength() {
		assertThat(CodeAlphabet.isWellFormed("ABC123U")).isTrue();
		assertThat(CodeAlphabet.isWellFormed("")).isFalse();
		assertThat(CodeAlphabet.isWellFormed("AB#")).isFalse();
		assertThat(CodeAlphabet.isWellFormed("é")).isFalse();
		assertThat(CodeAlphabet.isWellFormed("A".repeat(64))).isTrue();
		assertThat(CodeAlphabet.isWellFormed("A".repeat(65))).isFalse();
		assertThat(CodeAlphabet.isBase32("0123456789ABCDEFGHJKMNPQRSTVWXYZ")).isTrue();
		assertThat(CodeAlphabet.isBase32("U")).isFalse();
		assertThat(CodeAlphabet.isBase32("I")).isFalse();
	}

	@Test
	void checkCharacterIsLuhnModThirtyTwo() {
		// Worked by hand: body "1" -> 1 doubled = 2, check (32 - 2) % 32 = 30 = 'Y'.
		assertThat(CodeAlphabet.checkCharacter("1")).isEqualTo('Y');
		// Body "G1": 1 doubled = 2, G = 16 kept, sum 18, check 14 = 'E'.
		assertThat(CodeAlphabet.checkCharacter("G1")).isEqualTo('E');
		// Body "Z": 31 doubled = 62 = 1*32 + 30, digit sum 31, check 1.
		assertThat(CodeAlphabet.checkCharacter("Z")).isEqualTo('1');
		assertThat(CodeAlphabet.hasValidCheckCharacter("1Y")).isTrue();
		assertThat(CodeAlphabet.hasValidCheckCharacter("G1E")).isTrue();
		assertThat(CodeAlphabet.hasValidCheckCharacter("G1F")).isFalse();
		assertThat(CodeAlphabet.hasValidCheckCharacter("Y")).isFalse();
		assertThat(CodeAlphabet.hasValidCheckCharacter("U1Y")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CodeAlphabet.checkCharacter("AU"));
	}

	@Test
	void everySingleMistypedSymbolAndEveryAdjacentSwapIsCaught() {
		Random random = new Random(42);
		CodeShape shape = new CodeShape("PRE", 12, true);
		int swapsTried = 0;
		for (int n = 0; n < 200; n++) {
			String code = shape.draw(random);
			assertThat(CodeAlphabet.hasValidCheckCharacter(code)).isTrue();
			for (int i = 0; i < code.length(); i++) {
				for (char symbol : CodeAlphabet.SYMBOLS.toCharArray()) {
					if (symbol != code.charAt(i)) {
						String typo = code.substring(0, i) + symbol + code.substring(i + 1);
						assertThat(CodeAlphabet.hasValidCheckCharacter(typo)).as(typo).isFalse();
					}
				}
				if (i + 1 < code.length() && code.charAt(i) != code.charAt(i + 1)
						&& !isUndetectableLuhnPair(code.charAt(i), code.charAt(i + 1))) {
					String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
					assertThat(CodeAlphabet.hasValidCheckCharacter(swapped)).as(swapped).isFalse();
					swapsTried++;
				}
			}
		}
		assertThat(swapsTried).isGreaterThan(2500);
	}

	/**
	 * Luhn mod N misses exactly one swap: the symbols of value 0 and N-1 ('0' and 'Z'
	 * here), whose doubled digit sums equal their plain values.
	 */
	private static boolean isUndetectableLuhnPair(char a, char b) {
		return (a == '0' && b == 'Z') || (a == 'Z' && b == '0');
	}

}
