package com.couponplatform.legacy;

import java.time.Instant;

/**
 * The platform's mirror of one legacy use-log row ({@code coupon_usage}, decision 7): an
 * order's action on a coupon with the discount in minor units.
 *
 * @param id the legacy row ID
 * @param userId the user
 * @param couponId the coupon
 * @param orderId the order
 * @param action what the order did
 * @param amount the discount in minor units (0 for a release)
 * @param createdAt when
 */
public record CouponUsage(long id, long userId, long couponId, String orderId, Action action, long amount,
		Instant createdAt) {

	/** What an order did to a coupon; legacy actions 1–4 in this order. */
	public enum Action {

		LOCKED, CONSUMED, RELEASED, REFUNDED

	}

}
