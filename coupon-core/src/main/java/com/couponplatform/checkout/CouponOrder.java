package com.couponplatform.checkout;

import java.time.Instant;

/**
 * A {@code coupon_order} row: the coupon one order holds.
 */
public class CouponOrder {

	/** For MyBatis, which sets the fields. */
	CouponOrder() {
	}

	/**
	 * An order's row as a store other than the shards holds it (the legacy side).
	 */
	public CouponOrder(long userId, String orderId, long couponId, long templateId, CouponOrderStatus status,
			long orderAmount, Boolean couponReturned, Instant lockedAt, Instant lockExpiresAt, Instant updatedAt) {
		this.userId = userId;
		this.orderId = orderId;
		this.couponId = couponId;
		this.templateId = templateId;
		this.status = status;
		this.orderAmount = orderAmount;
		this.couponReturned = couponReturned;
		this.lockedAt = lockedAt;
		this.lockExpiresAt = lockExpiresAt;
		this.updatedAt = updatedAt;
	}

	long userId;

	String orderId;

	long couponId;

	long templateId;

	CouponOrderStatus status;

	long orderAmount;

	Boolean couponReturned;

	Instant lockedAt;

	Instant lockExpiresAt;

	Instant updatedAt;

	public long userId() {
		return this.userId;
	}

	public String orderId() {
		return this.orderId;
	}

	public long couponId() {
		return this.couponId;
	}

	public CouponOrderStatus status() {
		return this.status;
	}

	/**
	 * @return for a refunded order, whether the coupon went back to the wallet; otherwise
	 * {@code null}
	 */
	public Boolean couponReturned() {
		return this.couponReturned;
	}

	public long orderAmount() {
		return this.orderAmount;
	}

	public Instant lockExpiresAt() {
		return this.lockExpiresAt;
	}

}
