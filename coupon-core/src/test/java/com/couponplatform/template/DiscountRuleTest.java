package com.couponplatform.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DiscountRuleTest {

	@ParameterizedTest(name = "{0} off {1} -> {2}")
	@CsvSource({ "1000, 5000, 1000", "1000, 1000, 1000", "1000, 999, 999", "1000, 0, 0" })
	void fixedAmountTakesItsAmountButNeverMoreThanTheEligibleAmount(long off, long eligible, long expected) {
		DiscountRule rule = new DiscountRule(TemplateType.FIXED_AMOUNT, off, null, null, null);
		assertThat(rule.discountFor(eligible)).isEqualTo(new Discount.Applied(expected));
	}

	@Test
	void thresholdAppliesFromTheThresholdOnAndSaysWhatIsMissingBelowIt() {
		DiscountRule spend100Save10 = new DiscountRule(TemplateType.THRESHOLD, 1000L, 10000L, null, null);
		assertThat(spend100Save10.discountFor(10000)).isEqualTo(new Discount.Applied(1000));
		assertThat(spend100Save10.discountFor(25000)).isEqualTo(new Discount.Applied(1000));
		assertThat(spend100Save10.discountFor(9999)).isEqualTo(new Discount.ThresholdNotMet(1));
		assertThat(spend100Save10.discountFor(0)).isEqualTo(new Discount.ThresholdNotMet(10000));
	}

	@ParameterizedTest(name = "{0}% of {1} capped at {2} -> {3}")
	@CsvSource({ "15, 1999, 10000, 299", // 299.85 rounds down to 299
			"15, 100000, 10000, 10000", // 15000 capped at 10000
			"100, 1234, 5000, 1234", "1, 99, 5000, 0", // 0.99 rounds down to 0
			"33, 1, 5000, 0", "50, 3, 5000, 1" })
	void percentageRoundsDownToTheMinorUnitAndIsCapped(int percent, long eligible, long cap, long expected) {
		DiscountRule rule = new DiscountRule(TemplateType.PERCENTAGE, null, null, percent, cap);
		assertThat(rule.discountFor(eligible)).isEqualTo(new Discount.Applied(expected));
	}

	@Test
	void percentageCanHaveAThresholdToo() {
		DiscountRule rule = new DiscountRule(TemplateType.PERCENTAGE, null, 5000L, 10, 2000L);
		assertThat(rule.discountFor(4999)).isEqualTo(new Discount.ThresholdNotMet(1));
		assertThat(rule.discountFor(5000)).isEqualTo(new Discount.Applied(500));
	}

	@Test
	void handlesTheLargestAllowedAmountsWithoutOverflow() {
		DiscountRule rule = new DiscountRule(TemplateType.PERCENTAGE, null, null, 100, NewTemplate.MAX_AMOUNT);
		assertThat(rule.discountFor(NewTemplate.MAX_AMOUNT * 1000))
			.isEqualTo(new Discount.Applied(NewTemplate.MAX_AMOUNT));
	}

	@Test
	void refusesANegativeAmount() {
		DiscountRule rule = new DiscountRule(TemplateType.FIXED_AMOUNT, 100L, null, null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> rule.discountFor(-1));
	}

}
