package com.couponplatform.claim;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The user already holds as many coupons of the template as one user may claim.
 */
public class PerUserLimitReachedException extends RuleViolationException {

	public PerUserLimitReachedException(long templateId, int limit) {
		super(ProblemCode.PER_USER_LIMIT, "Template " + templateId + " allows " + limit + " claim(s) per user");
	}

}
