package com.couponplatform.legacy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One order lock the platform made on OLD ({@code t_coupon_migration_order}): the replay
 * record of its checkout calls (decision 8), moved with the user's coupons. Times in UTC.
 *
 * @param uid the user
 * @param orderNo the order
 * @param userCouponId the coupon it holds or held
 * @param tplId the coupon's template
 * @param status LOCKED, USED, RELEASED or REFUNDED
 * @param orderAmount the order's amount in minor units
 * @param discount the discount the freeze logged, in minor units
 * @param couponReturned refunds only: whether the coupon went back to the wallet
 * @param lockedAt when it was locked
 * @param lockExpiresAt when the stale-lock sweep releases it
 * @param updatedAt last change
 */
public record LegacyOrder(long uid, String orderNo, long userCouponId, long tplId, String status, long orderAmount,
		long discount, Boolean couponReturned, Instant lockedAt, Instant lockExpiresAt, Instant updatedAt) {

	/** The table, as canonical rows name it. */
	public static final String TABLE = "t_coupon_migration_order";

	/**
	 * The row the verifier compares: every column, times at whole seconds.
	 * @return the canonical row
	 */
	public CanonicalRow canonical() {
		return CanonicalRow.of(TABLE, this.uid + "/" + this.orderNo)
			.column("user_coupon_id", this.userCouponId)
			.column("tpl_id", this.tplId)
			.column("status", this.status)
			.column("order_amount", this.orderAmount)
			.column("discount", this.discount)
			.column("coupon_returned", (this.couponReturned != null) ? (this.couponReturned ? 1 : 0) : null)
			.column("locked_at", utc(this.lockedAt))
			.column("lock_expires_at", utc(this.lockExpiresAt))
			.column("updated_at", utc(this.updatedAt))
			.build();
	}

	static LocalDateTime utc(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
