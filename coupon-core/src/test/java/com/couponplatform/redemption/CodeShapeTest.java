package com.couponplatform.redemption;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.couponplatform.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CodeShapeTest {

	@Test
	void defaultsToTwelveSymbolsWithACheckCharacterAndNormalisesThePrefix() {
		CodeShape shape = CodeShape.of("sale-o", null, null, 1_000);
		assertThat(shape).isEqualTo(new CodeShape("SA1E0", 12, true));
		assertThat(shape.codeLength()).isEqualTo(18);
		assertThat(shape.space()).isEqualTo(BigInteger.valueOf(32).pow(12));
	}

	@Test
	void refusesAPatternTooSmallForTheQuantityAndSaysWhatWouldDo() {
		// 32^10 = 1.1e15 < 1e7 codes x 1e9: a guess would hit one in 1.1e8.
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> CodeShape.of(null, 10, true, 10_000_000))
			.satisfies((ex) -> {
				assertThat(ex.violations()).singleElement().satisfies((violation) -> {
					assertThat(violation.field()).isEqualTo("length");
					assertThat(violation.message()).contains("at least 11");
				});
			});
		assertThat(CodeShape.of(null, 11, true, 10_000_000).length()).isEqualTo(11);
		assertThat(CodeShape.minimumLength(1)).isEqualTo(8);
		assertThat(CodeShape.minimumLength(10_000_000)).isEqualTo(11);
	}

	@Test
	void refusesPrefixesOutsideTheAlphabetAndLengthsOutOfRange() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CodeShape.of("SUMMER", 12, true, 1));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CodeShape.of("A#", 12, true, 1));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> CodeShape.of("X".repeat(17), 12, true, 1));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CodeShape.of(null, 7, true, 1));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> CodeShape.of(null, 33, true, 1));
	}

	@Test
	void overlapsAShapeOfTheSameLengthWhosePrefixStartsItsOwn() {
		CodeShape shape = new CodeShape("AB", 10, true);
		assertThat(shape.overlaps(new CodeShape("AB", 11, false))).isTrue();
		assertThat(shape.overlaps(new CodeShape("A", 12, false))).isTrue();
		assertThat(shape.overlaps(new CodeShape("", 12, true))).isTrue();
		assertThat(shape.overlaps(new CodeShape("ABC", 10, false))).isTrue();
		assertThat(shape.overlaps(new CodeShape("AB", 10, false))).isFalse();
		assertThat(shape.overlaps(new CodeShape("AC", 11, false))).isFalse();
		assertThat(shape.overlaps(new CodeShape("B", 12, false))).isFalse();
	}

	@Test
	void drawsCodesOfItsShapeFromEverySymbol() {
		CodeShape shape = new CodeShape("AB", 10, false);
		Random random = new Random(7);
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 2_000; i++) {
			String code = shape.draw(random);
			assertThat(code).hasSize(12).startsWith("AB");
			assertThat(CodeAlphabet.isBase32(code)).isTrue();
			assertThat(shape.matches(code)).isTrue();
			for (char c : code.substring(2).toCharArray()) {
				seen.add(c);
			}
		}
		assertThat(seen).hasSize(32);
		assertThat(shape.matches("AB123")).isFalse();
		assertThat(shape.matches("XY0123456789")).isFalse();
	}

}
