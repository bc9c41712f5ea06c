package com.couponplatform.checkout;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The order amount does not reach the coupon's threshold.
 */
public class ThresholdNotMetException extends RuleViolationException {

	private final long missingAmount;

	ThresholdNotMetException(long couponId, long missingAmount) {
		super(ProblemCode.THRESHOLD_NOT_MET,
				"The order is " + missingAmount + " minor units short of coupon " + couponId + "'s threshold");
		this.missingAmount = missingAmount;
	}

	@Override
	public Long missingAmount() {
		return this.missingAmount;
	}

}
