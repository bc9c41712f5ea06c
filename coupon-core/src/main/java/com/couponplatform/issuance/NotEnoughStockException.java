package com.couponplatform.issuance;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The template has fewer units left than the job's users: the job is refused whole.
 */
public class NotEnoughStockException extends RuleViolationException {

	NotEnoughStockException(long templateId, long needed) {
		super(ProblemCode.SOLD_OUT, "Template " + templateId + " has fewer than the " + needed
				+ " units this job needs left (or is not active); nothing was reserved");
	}

}
