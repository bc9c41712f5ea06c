package com.couponplatform.replication;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * A verification run refused: another is running (409 {@code VERSION_CONFLICT}), or there
 * is no copy to verify in this phase (409 {@code MIGRATION_PRECONDITION_FAILED}); an
 * unknown run is 404.
 */
public class VerificationRefusedException extends RuleViolationException {

	VerificationRefusedException(ProblemCode code, String detail) {
		super(code, detail);
	}

}
