package com.couponplatform.template;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * No template has the requested ID.
 */
public class TemplateNotFoundException extends RuleViolationException {

	public TemplateNotFoundException(long templateId) {
		super(ProblemCode.TEMPLATE_NOT_FOUND, "Template " + templateId + " does not exist");
	}

}
