package com.couponplatform.wallet;

import java.time.Instant;
import java.util.List;

/**
 * The wallets of users the legacy database serves (implemented where the legacy model
 * lives; present only with a legacy database configured): their legacy rows in the
 * platform's model, legacy IDs kept.
 */
public interface LegacyWallet {

	/**
	 * The user's coupons newest first, as {@link ListUserCoupons#list} pages them.
	 * @param userId the owner, on OLD
	 * @param status a status as readers see it at {@code now}, or {@code null}
	 * @param beforeId only coupons with a lower ID
	 * @param limit the most coupons to return
	 * @param now the reading instant
	 * @return up to {@code limit} coupons
	 */
	List<UserCoupon> rows(long userId, CouponStatus status, long beforeId, int limit, Instant now);

	/**
	 * @param userId the owner, on OLD
	 * @param couponId the coupon
	 * @return the user's coupon
	 * @throws CouponNotFoundException when the user has no such coupon
	 */
	UserCoupon find(long userId, long couponId);

}
