package com.couponplatform.claim;

import java.util.Set;

import com.couponplatform.wallet.CouponOrigin;

/**
 * Claims of users the legacy database serves (implemented where the legacy model lives;
 * present only with a legacy database configured): the same contract as a claim on NEW,
 * with OLD's own mechanisms deciding — its guarded {@code taken_count}, the user's rows
 * counted under the user's gateway lock, replay by request ID from the platform's table
 * in OLD.
 */
public interface LegacyClaims {

	/**
	 * Claims one template, or replays an earlier claim with the same request ID.
	 * @param userId the claiming user, on OLD
	 * @param templateId the template
	 * @param requestId the client's idempotency key, checked
	 * @param origin {@link CouponOrigin#CLAIM}, or {@link CouponOrigin#BATCH_CLAIM} for
	 * one item of a batch
	 * @return the coupon, and whether it is a replay
	 */
	ClaimResult claim(long userId, long templateId, String requestId, CouponOrigin origin);

	/**
	 * @param userId the user, on OLD
	 * @param requestId a batch's request ID
	 * @return the templates an earlier batch with that request ID issued coupons of
	 */
	Set<Long> batchTemplates(long userId, String requestId);

}
