package com.couponplatform.redemption;

/**
 * Where a code batch is.
 */
public enum CodeBatchStatus {

	/** The generator is drawing its codes; none is redeemable yet. */
	GENERATING,
	/** An operator's file is being read in; none is redeemable yet. */
	IMPORTING,
	/** Its codes are redeemable within the batch's window. */
	ACTIVE,
	/**
	 * Its window is over: the units of the uses nobody took went back to the template.
	 */
	ENDED

}
