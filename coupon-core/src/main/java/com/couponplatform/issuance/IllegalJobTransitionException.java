package com.couponplatform.issuance;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The job is past the point where this change applies.
 */
public class IllegalJobTransitionException extends RuleViolationException {

	IllegalJobTransitionException(long id, IssuanceStatus status, String action) {
		super(ProblemCode.ILLEGAL_TRANSITION, "Issuance job " + id + " is " + status + " and cannot be " + action);
	}

}
