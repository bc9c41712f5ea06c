package com.couponplatform.issuance;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * No issuance job has that ID.
 */
public class IssuanceJobNotFoundException extends RuleViolationException {

	IssuanceJobNotFoundException(long id) {
		super(ProblemCode.NOT_FOUND, "Issuance job " + id + " not found");
	}

}
