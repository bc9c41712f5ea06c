package com.couponplatform.redemption;

/**
 * Where a batch's codes come from.
 */
public enum CodeBatchSource {

	/** Drawn at random by the platform. */
	GENERATED,
	/** Read from an operator's file. */
	IMPORTED

}
