package com.couponplatform.template;

import java.time.Instant;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The template can only be claimed inside its claim window, and now is outside it.
 */
public class ClaimWindowClosedException extends RuleViolationException {

	public ClaimWindowClosedException(long templateId, Instant start, Instant end) {
		super(ProblemCode.CLAIM_WINDOW_CLOSED,
				"Template " + templateId + " can be claimed from " + start + " until " + end);
	}

}
