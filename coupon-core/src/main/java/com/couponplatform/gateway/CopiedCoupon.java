package com.couponplatform.gateway;

import java.time.Instant;

import com.couponplatform.wallet.UserCoupon;

/**
 * A legacy coupon as NEW's copy holds it: the {@code user_coupon} row (its version and
 * update time the legacy row's, so that a newer legacy change is told by its version) and
 * its side row of what only the legacy model has (decision 9).
 *
 * @param coupon the coupon, with the legacy ID and the origin key its replay needs
 * @param claimSlot the per-user slot a claimed coupon takes, else {@code null}
 * @param orderId the order holding or having used it, or {@code null}
 * @param usedAt when it was used, or {@code null}
 * @param version the legacy row's version
 * @param updatedAt the legacy row's update time
 * @param codeAsTyped the code it came from as typed, or {@code null}
 * @param expireTimeUnset whether the legacy expire_time was NULL
 */
public record CopiedCoupon(UserCoupon coupon, Integer claimSlot, String orderId, Instant usedAt, int version,
		Instant updatedAt, String codeAsTyped, boolean expireTimeUnset) {

}
