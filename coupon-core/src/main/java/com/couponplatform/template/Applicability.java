package com.couponplatform.template;

import java.util.List;

/**
 * How a template's coupon applies to a cart: line by line, and as a whole.
 *
 * @param lines one verdict per cart line, in cart order
 * @param eligibleAmount the total of the lines in scope, in minor units
 * @param discount the discount on that amount, or the threshold shortfall
 */
public record Applicability(List<LineVerdict> lines, long eligibleAmount, Discount discount) {

	/**
	 * Whether one line is in scope.
	 *
	 * @param skuId the line's SKU
	 * @param applies whether the coupon may discount it
	 * @param reason why not ({@code SUPER_BLACKLISTED}, {@code OUT_OF_SCOPE}), or
	 * {@code null}
	 */
	public record LineVerdict(String skuId, boolean applies, String reason) {
	}

}
