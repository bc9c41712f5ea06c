package com.couponplatform.claim;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The template targets users by tags and this user is not among them.
 */
public class NotEligibleException extends RuleViolationException {

	public NotEligibleException(long templateId) {
		super(ProblemCode.NOT_ELIGIBLE, "You are not eligible for template " + templateId);
	}

}
