package com.couponplatform.legacy;

import java.time.Instant;

/**
 * One claim request the platform served on OLD
 * ({@code t_coupon_migration_claim_request}): a request ID bound to the coupon it issued,
 * so that a retry replays (decision 8). NEW keeps it as the coupon's origin key.
 *
 * @param uid the user
 * @param origin CLAIM or BATCH_CLAIM
 * @param requestId the client's request ID
 * @param tplId the template claimed
 * @param userCouponId the coupon issued
 * @param createdAt when
 */
public record LegacyClaimRequest(long uid, String origin, String requestId, long tplId, long userCouponId,
		Instant createdAt) {

	/** The table, as canonical rows name it. */
	public static final String TABLE = "t_coupon_migration_claim_request";

	/**
	 * The row the verifier compares, times at whole seconds.
	 * @return the canonical row
	 */
	public CanonicalRow canonical() {
		return CanonicalRow.of(TABLE, this.uid + "/" + this.origin + "/" + this.requestId + "/" + this.tplId)
			.column("user_coupon_id", this.userCouponId)
			.column("created_at", LegacyOrder.utc(this.createdAt))
			.build();
	}

}
