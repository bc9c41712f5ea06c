/**
 * Checkout's resources: the cart quote, and an order's coupon (lock, consume, release,
 * refund), which only the checkout service may change.
 */
package com.couponplatform.api.checkout;
