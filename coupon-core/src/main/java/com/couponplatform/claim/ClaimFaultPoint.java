package com.couponplatform.claim;

/**
 * Where fault tests break a claim: after the Redis gate took the stock and before the
 * database write. Production has no such bean; a test registers one to throw, stall, or
 * hold the thread while its process is killed.
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

}
