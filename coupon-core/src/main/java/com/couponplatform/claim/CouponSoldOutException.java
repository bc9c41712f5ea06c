package com.couponplatform.claim;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * Every coupon of the template has been issued.
 */
public class CouponSoldOutException extends RuleViolationException {

	public CouponSoldOutException(long templateId) {
		super(ProblemCode.SOLD_OUT, "Template " + templateId + " has no stock left");
	}

}
