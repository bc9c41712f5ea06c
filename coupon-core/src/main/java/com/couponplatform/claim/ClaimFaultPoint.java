package com.couponplatform.claim;

/**
 * Where fault tests break a claim: after the Redis gate took the stock and before the
 * database write, or between the guarded counter and the coupon row. Production has no
 * such bean; a test registers one to throw, stall, or hold the thread while its process
 * is killed.
 */
@FunctionalInterface
public interface ClaimFaultPoint {

	ClaimFaultPoint NONE = (userId, templateId, requestId) -> {
	};

	/**
	 * Runs between the gate and the database write of a claim.
	 * @param userId the claiming user
	 * @param templateId the template
	 * @param requestId the claim's request ID
	 */
	void afterGate(long userId, long templateId, String requestId);

	/**
	 * Runs after the guarded counter took the unit and before the coupon row is inserted.
	 * @param userId the claiming user
	 * @param templateId the template
	 * @param requestId the claim's request ID
	 */
	default void afterStock(long userId, long templateId, String requestId) {
	}

}
