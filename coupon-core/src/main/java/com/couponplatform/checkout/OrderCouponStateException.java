package com.couponplatform.checkout;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The order's coupon is past the point where this call applies: releasing a used coupon,
 * refunding one that was never used, consuming after a refund.
 */
public class OrderCouponStateException extends RuleViolationException {

	OrderCouponStateException(String orderId, CouponOrderStatus status, String action) {
		super(ProblemCode.ILLEGAL_TRANSITION,
				"Order " + orderId + "'s coupon is " + status + " and cannot be " + action);
	}

}
