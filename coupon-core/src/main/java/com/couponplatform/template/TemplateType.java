package com.couponplatform.template;

/**
 * How a coupon discounts: a fixed amount, a fixed amount once a threshold is met, or a
 * capped percentage.
 */
public enum TemplateType {

	FIXED_AMOUNT, THRESHOLD, PERCENTAGE

}
