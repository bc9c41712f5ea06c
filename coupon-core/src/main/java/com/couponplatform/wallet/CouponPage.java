package com.couponplatform.wallet;

import java.util.List;

/**
 * One page of a user's coupons and the cursor of the next page.
 *
 * @param items the coupons, newest claim first
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
public record CouponPage(List<UserCoupon> items, String nextCursor) {
}
