package com.couponplatform.redemption;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The template has fewer units left than the batch's codes times their uses (or is not
 * active): the batch is refused whole.
 */
public class BatchStockUnavailableException extends RuleViolationException {

	BatchStockUnavailableException(long templateId, long needed) {
		super(ProblemCode.SOLD_OUT, "Template " + templateId + " has fewer than the " + needed
				+ " units this batch needs left (or is not active); nothing was reserved");
	}

}
