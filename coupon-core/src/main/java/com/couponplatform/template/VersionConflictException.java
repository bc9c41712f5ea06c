package com.couponplatform.template;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The template changed since the caller read it.
 */
public class VersionConflictException extends RuleViolationException {

	public VersionConflictException(long templateId) {
		super(ProblemCode.VERSION_CONFLICT, "Template " + templateId + " changed concurrently; read it again");
	}

}
