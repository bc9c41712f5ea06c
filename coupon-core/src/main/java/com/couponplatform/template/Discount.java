package com.couponplatform.template;

/**
 * What a discount rule gives for an eligible amount: an amount off, or the amount still
 * missing to reach its threshold.
 */
public sealed interface Discount permits Discount.Applied, Discount.ThresholdNotMet {

	/**
	 * The rule applies.
	 *
	 * @param amount the amount off, in minor units, never more than the eligible amount
	 */
	record Applied(long amount) implements Discount {
	}

	/**
	 * The eligible amount is below the rule's threshold.
	 *
	 * @param missingAmount how much more must be spent, in minor units
	 */
	record ThresholdNotMet(long missingAmount) implements Discount {
	}

}
