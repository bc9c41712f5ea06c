package com.couponplatform.checkout;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The user has no order by that ID holding a coupon (another user's order reads the
 * same).
 */
public class OrderCouponNotFoundException extends RuleViolationException {

	OrderCouponNotFoundException(String orderId) {
		super(ProblemCode.NOT_FOUND, "Order " + orderId + " holds no coupon of this user");
	}

}
