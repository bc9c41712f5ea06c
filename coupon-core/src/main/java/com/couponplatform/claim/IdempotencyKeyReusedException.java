package com.couponplatform.claim;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The request ID was already used by this user for a different request.
 */
public class IdempotencyKeyReusedException extends RuleViolationException {

	public IdempotencyKeyReusedException(String requestId) {
		super(ProblemCode.IDEMPOTENCY_KEY_REUSED,
				"requestId " + requestId + " was already used for a different request; use a new requestId");
	}

}
