package com.couponplatform.legacy;

import java.time.Instant;

import com.couponplatform.wallet.UserCoupon;

/**
 * A legacy coupon in the platform's model: the {@code user_coupon} row's fields and what
 * only the legacy model has (kept in NEW's side table, decision 9).
 *
 * @param coupon the platform's coupon; its ID is the legacy ID
 * @param orderId the order holding or having used it, or {@code null}
 * @param usedAt when it was used, or {@code null}
 * @param version the row's version
 * @param updatedAt last change
 * @param codeAsTyped the code it came from as the user typed it, or {@code null}
 * @param expireTimeUnset whether the legacy expire_time was NULL (its end was computed
 * from the template, and maps back to NULL)
 */
public record MigratedCoupon(UserCoupon coupon, String orderId, Instant usedAt, int version, Instant updatedAt,
		String codeAsTyped, boolean expireTimeUnset) {

}
