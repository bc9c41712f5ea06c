package com.couponplatform.checkout;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The order already holds another coupon (one coupon per order).
 */
public class OrderHasOtherCouponException extends RuleViolationException {

	OrderHasOtherCouponException(String orderId) {
		super(ProblemCode.ORDER_HAS_OTHER_COUPON,
				"Order " + orderId + " already holds another coupon; release it first");
	}

}
