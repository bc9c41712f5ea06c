package com.couponplatform.checkout;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DiscountSplitTest {

	@Test
	void givesTheLeftoverUnitsToTheLargestRemainders() {
		// 1000 over 3998, 1001, 3: exact 799.28, 200.12, 0.60.
		assertThat(DiscountSplit.split(1000, new long[] { 3998, 1001, 3 })).containsExactly(799, 200, 1);
	}

	@Test
	void breaksTiesInLineOrder() {
		// 100 over three equal lines: 33.33 each, the first line takes the extra unit.
		assertThat(DiscountSplit.split(100, new long[] { 100, 100, 100 })).containsExactly(34, 33, 33);
		assertThat(DiscountSplit.split(2, new long[] { 5, 5, 5 })).containsExactly(1, 1, 0);
	}

	@Test
	void leavesLinesOutOfScopeAtZero() {
		assertThat(DiscountSplit.split(500, new long[] { 0, 2000, 0, 1000 })).containsExactly(0, 333, 0, 167);
		assertThat(DiscountSplit.split(0, new long[] { 100, 200 })).containsExactly(0, 0);
	}

	@Test
	void aDiscountOfTheWholeAmountIsEachLinesAmount() {
		assertThat(DiscountSplit.split(1234, new long[] { 1000, 234 })).containsExactly(1000, 234);
	}

	@Test
	void staysExactForAmountsWhoseProductPassesALong() {
		long big = 999_999_999_999_900L;
		long[] shares = DiscountSplit.split(big - 1, new long[] { big / 3, big / 3, big - 2 * (big / 3) });
		assertThat(Arrays.stream(shares).sum()).isEqualTo(big - 1);
	}

	@Test
	void alwaysSumsToTheDiscountAndNeverGivesALineMoreThanItsAmount() {
		Random random = new Random(42);
		for (int run = 0; run < 10_000; run++) {
			long[] amounts = new long[1 + random.nextInt(8)];
			for (int i = 0; i < amounts.length; i++) {
				amounts[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(100_000);
			}
			long total = Arrays.stream(amounts).sum();
			long discount = (total == 0) ? 0 : (long) (random.nextDouble() * total);
			long[] shares = DiscountSplit.split(discount, amounts);
			assertThat(Arrays.stream(shares).sum()).isEqualTo(discount);
			for (int i = 0; i < amounts.length; i++) {
				assertThat(shares[i]).isBetween(0L, amounts[i]);
			}
		}
	}

	@Test
	void refusesADiscountAboveTheAmount() {
		assertThatIllegalArgumentException().isThrownBy(() -> DiscountSplit.split(11, new long[] { 5, 5 }));
	}

}
