package com.couponplatform.template;

/**
 * What a coupon takes off an order, in minor units; copied into every coupon row.
 *
 * @param type how the discount is computed
 * @param discountAmount the amount off (fixed and threshold types)
 * @param thresholdAmount the order amount that must be reached (threshold type; optional
 * for percentage)
 * @param percentOff the percentage off, 1–100 (percentage type)
 * @param maxDiscountAmount the cap of a percentage discount
 */
public record DiscountRule(TemplateType type, Long discountAmount, Long thresholdAmount, Integer percentOff,
		Long maxDiscountAmount) {
}
