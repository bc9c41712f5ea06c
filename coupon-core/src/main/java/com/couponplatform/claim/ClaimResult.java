package com.couponplatform.claim;

import com.couponplatform.wallet.UserCoupon;

/**
 * The coupon a claim produced, and whether it was produced by an earlier call with the
 * same request ID.
 *
 * @param coupon the claimed coupon
 * @param replayed {@code true} when this call only replayed an earlier claim
 */
public record ClaimResult(UserCoupon coupon, boolean replayed) {
}
