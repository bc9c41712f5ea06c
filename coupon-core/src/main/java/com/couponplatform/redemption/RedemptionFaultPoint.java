package com.couponplatform.redemption;

/**
 * Where fault tests break a redemption: after the code's use committed and before the
 * coupon is written in the user's shard — the gap the outbox closes. Production has no
 * such bean.
 */
@FunctionalInterface
public interface RedemptionFaultPoint {

	RedemptionFaultPoint NONE = (userId, code, requestId) -> {
	};

	/**
	 * Runs between the two writes of a redemption.
	 * @param userId the redeeming user
	 * @param code the normalised code
	 * @param requestId the request ID
	 */
	void afterUseTaken(long userId, String code, String requestId);

}
