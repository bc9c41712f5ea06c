package com.couponplatform.checkout;

/**
 * Where an order's coupon is: LOCKED until the order is paid (USED) or abandoned
 * (RELEASED); a used coupon's order may later be REFUNDED.
 */
public enum CouponOrderStatus {

	LOCKED, USED, RELEASED, REFUNDED

}
