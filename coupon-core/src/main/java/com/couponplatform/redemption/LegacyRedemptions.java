package com.couponplatform.redemption;

import java.util.Optional;

/**
 * Code redemption for users the legacy database serves (implemented where the legacy
 * model lives; present only with a legacy database configured): the legacy code exchanged
 * by OLD's own guard ({@code UPDATE t_coupon_code … WHERE state = 0}), decision 1.
 */
public interface LegacyRedemptions {

	/**
	 * Redeems a legacy code, or replays the request ID's earlier redemption.
	 * @param userId the user, on OLD
	 * @param typed the code as typed (trimmed)
	 * @param code the code normalised
	 * @param requestId the client's idempotency key, checked
	 * @return the redemption, or empty when the code cannot be redeemed (for whatever
	 * reason: the refusal is uniform)
	 * @throws com.couponplatform.claim.IdempotencyKeyReusedException when the request ID
	 * was sent with another code
	 */
	Optional<RedeemCode.Redemption> redeem(long userId, String typed, String code, String requestId);

}
