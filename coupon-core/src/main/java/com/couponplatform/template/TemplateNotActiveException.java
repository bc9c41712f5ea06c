package com.couponplatform.template;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The template is not ACTIVE, so it cannot be claimed.
 */
public class TemplateNotActiveException extends RuleViolationException {

	public TemplateNotActiveException(long templateId, TemplateStatus status) {
		super(ProblemCode.TEMPLATE_NOT_ACTIVE, "Template " + templateId + " is " + status + ", not ACTIVE");
	}

}
