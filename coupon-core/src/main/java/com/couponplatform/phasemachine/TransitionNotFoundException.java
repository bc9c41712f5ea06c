package com.couponplatform.phasemachine;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * No transition has the ID asked for.
 */
public class TransitionNotFoundException extends RuleViolationException {

	TransitionNotFoundException(long id) {
		super(ProblemCode.NOT_FOUND, "No transition " + id);
	}

}
