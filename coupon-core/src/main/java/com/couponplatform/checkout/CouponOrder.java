package com.couponplatform.checkout;

import java.time.Instant;

/**
 * A {@code coupon_order} row: the coupon one order holds.
 */
public class CouponOrder {

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

}
