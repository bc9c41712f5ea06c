package com.couponplatform.wallet;

/**
 * Where a user's coupon is in its life. An UNUSED coupon past its validity is EXPIRED to
 * every reader, even before the expiry job rewrites its row.
 */
public enum CouponStatus {

	UNUSED, LOCKED, USED, EXPIRED,

	/**
	 * Withdrawn by operations (legacy state 4): terminal and never usable, kept so that
	 * the user still sees it.
	 */
	REVOKED

}
