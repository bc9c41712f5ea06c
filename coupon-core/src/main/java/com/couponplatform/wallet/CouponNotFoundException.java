package com.couponplatform.wallet;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The user has no coupon with that ID; also what another user's coupon looks like, so
 * that no caller can learn that it exists.
 */
public class CouponNotFoundException extends RuleViolationException {

	public CouponNotFoundException(long couponId) {
		super(ProblemCode.COUPON_NOT_FOUND, "Coupon " + couponId + " not found");
	}

}
