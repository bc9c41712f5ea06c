package com.couponplatform.redemption;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The one refusal of a redemption, whatever the reason — mistyped, unknown, used up,
 * expired, not yet valid, or already redeemed by this user: telling them apart would let
 * a guesser learn which codes exist.
 */
public class CodeNotRedeemableException extends RuleViolationException {

	CodeNotRedeemableException() {
		super(ProblemCode.CODE_NOT_REDEEMABLE, "This code cannot be redeemed");
	}

}
