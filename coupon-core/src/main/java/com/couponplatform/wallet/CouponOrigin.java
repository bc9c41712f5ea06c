package com.couponplatform.wallet;

/**
 * How a coupon came to its user; with the act's key it makes every issuing path
 * idempotent.
 */
public enum CouponOrigin {

	/** The user claimed it; the key is the request ID. */
	CLAIM,
	/**
	 * The user claimed it in a batch with other templates; the key is the batch's request
	 * ID, one coupon per template.
	 */
	BATCH_CLAIM,
	/** A back-office issuance job sent it; the key is the job ID. */
	ISSUANCE,
	/** The user redeemed a code; the key is the normalised code. */
	REDEMPTION,
	/** It was copied from the legacy database; the key is the legacy row ID. */
	MIGRATION

}
