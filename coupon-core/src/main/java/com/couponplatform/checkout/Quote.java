package com.couponplatform.checkout;

import java.util.List;

/**
 * Which of a user's coupons can discount a cart, and by how much.
 *
 * @param usable the coupons that apply, largest discount first
 * @param unusable the coupons that do not, each with a reason
 * @param best the coupon to use (the largest discount; of equal ones, the one that
 * expires first), with its discount split across the lines; {@code null} when none
 * applies
 */
public record Quote(List<Usable> usable, List<Unusable> unusable, Best best) {

	/** Why a coupon cannot discount this cart now. */
	public enum Reason {

		/** Another order holds it. */
		LOCKED,
		/** Its validity has ended. */
		EXPIRED,
		/** Its validity has not begun. */
		NOT_STARTED,
		/** No line of the cart is in its product scope (or all are super-blacklisted). */
		NO_ELIGIBLE_ITEMS,
		/** The eligible lines do not reach its threshold; see {@code missingAmount}. */
		THRESHOLD_NOT_MET

	}

	/**
	 * @param couponId the coupon
	 * @param discount what it takes off, in minor units
	 */
	public record Usable(long couponId, long discount) {
	}

	/**
	 * @param couponId the coupon
	 * @param reason why it does not apply
	 * @param missingAmount for {@code THRESHOLD_NOT_MET}, how much more the eligible
	 * lines must reach; otherwise {@code null}
	 */
	public record Unusable(long couponId, Reason reason, Long missingAmount) {
	}

	/**
	 * @param couponId the coupon
	 * @param discount its discount
	 * @param lines the discount per cart line, in cart order (0 for lines out of scope);
	 * the sum is exactly the discount
	 */
	public record Best(long couponId, long discount, List<LineDiscount> lines) {
	}

	/**
	 * @param skuId the line's SKU
	 * @param discount the line's share of the discount
	 */
	public record LineDiscount(String skuId, long discount) {
	}

}
