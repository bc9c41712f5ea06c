package com.couponplatform.template;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The template's lifecycle does not allow the requested move.
 */
public class IllegalTransitionException extends RuleViolationException {

	public IllegalTransitionException(long templateId, TemplateStatus from, TemplateStatus to) {
		super(ProblemCode.ILLEGAL_TRANSITION, "Template " + templateId + " cannot move from " + from + " to " + to);
	}

}
