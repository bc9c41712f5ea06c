package com.couponplatform.template;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The SKU is not on the super-blacklist.
 */
public class NotBlacklistedException extends RuleViolationException {

	public NotBlacklistedException(String skuId) {
		super(ProblemCode.NOT_FOUND, "SKU " + skuId + " is not on the super-blacklist");
	}

}
