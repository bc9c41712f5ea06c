package com.couponplatform.legacy;

import java.time.Instant;

/**
 * One redemption request the platform served on OLD
 * ({@code t_coupon_migration_redemption_request}): a request ID bound to the code it was
 * first sent with, and the coupon it gave (decision 8).
 *
 * @param uid the user
 * @param requestId the client's request ID
 * @param code the code as sent
 * @param userCouponId the coupon given, or {@code null} while none was
 * @param createdAt when
 */
public record LegacyRedemptionRequest(long uid, String requestId, String code, Long userCouponId, Instant createdAt) {

	/** The table, as canonical rows name it. */
	public static final String TABLE = "t_coupon_migration_redemption_request";

	/**
	 * The row the verifier compares, times at whole seconds.
	 * @return the canonical row
	 */
	public CanonicalRow canonical() {
		return CanonicalRow.of(TABLE, this.uid + "/" + this.requestId)
			.column("code", this.code)
			.column("user_coupon_id", this.userCouponId)
			.column("created_at", LegacyOrder.utc(this.createdAt))
			.build();
	}

}
