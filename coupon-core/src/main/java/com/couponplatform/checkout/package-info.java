/**
 * Checkout: a cart quote over the user's coupons, and a coupon's life inside an order —
 * lock, consume, release, refund — idempotent by order, with the jobs that release stale
 * locks and expire past-due coupons.
 */
package com.couponplatform.checkout;
