package com.couponplatform.template;

/**
 * What a coupon takes off an order, in minor units; copied into every coupon row.
 *
 * @param type how the discount is computed
 * @param discountAmount the amount off (fixed and threshold types)
 * @param thresholdAmount the order amount that must be reached (threshold type; optional
 * for percentage)
 * @param percentOff the percentage off, 1–100 (percentage type)
 * @param maxDiscountAmount the cap of a percentage discount; {@code null} for none (only
 * migrated legacy templates have none: a new template must name its cap)
 */
public record DiscountRule(TemplateType type, Long discountAmount, Long thresholdAmount, Integer percentOff,
		Long maxDiscountAmount) {

	/**
	 * The discount for an amount the coupon may apply to (the in-scope lines of a cart).
	 * Percentages are rounded down to the minor unit and capped by
	 * {@code maxDiscountAmount} when there is one; no discount exceeds the amount it
	 * applies to.
	 * @param eligibleAmount the amount in scope, in minor units, not negative
	 * @return the amount off, or how much is missing to reach the threshold
	 */
	public Discount discountFor(long eligibleAmount) {
		if (eligibleAmount < 0) {
			throw new IllegalArgumentException("eligible amount must not be negative: " + eligibleAmount);
		}
		long threshold = (this.thresholdAmount != null) ? this.thresholdAmount : 0;
		if (eligibleAmount < threshold) {
			return new Discount.ThresholdNotMet(threshold - eligibleAmount);
		}
		long amount = switch (this.type) {
			case FIXED_AMOUNT, THRESHOLD -> this.discountAmount;
			// Integer arithmetic rounds down to the minor unit; an overflow fails loudly.
			case PERCENTAGE -> {
				long off = Math.multiplyExact(eligibleAmount, (long) this.percentOff) / 100;
				yield (this.maxDiscountAmount != null) ? Math.min(off, this.maxDiscountAmount) : off;
			}
		};
		return new Discount.Applied(Math.min(amount, eligibleAmount));
	}

}
