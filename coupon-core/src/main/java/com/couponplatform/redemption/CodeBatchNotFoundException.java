package com.couponplatform.redemption;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * No code batch has that ID.
 */
public class CodeBatchNotFoundException extends RuleViolationException {

	CodeBatchNotFoundException(long id) {
		super(ProblemCode.NOT_FOUND, "No code batch " + id);
	}

}
