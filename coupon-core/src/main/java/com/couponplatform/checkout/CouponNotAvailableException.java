package com.couponplatform.checkout;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The coupon cannot be locked for this order: another order holds it, it is used, expired
 * or not valid yet, or the order's own lock was released.
 */
public class CouponNotAvailableException extends RuleViolationException {

	CouponNotAvailableException(long couponId, String why) {
		super(ProblemCode.COUPON_NOT_AVAILABLE, "Coupon " + couponId + " is not available: " + why);
	}

}
