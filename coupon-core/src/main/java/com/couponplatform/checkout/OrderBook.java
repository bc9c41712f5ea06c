package com.couponplatform.checkout;

import java.time.Instant;

import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * One user's coupons and orders inside one local transaction of the side that holds them
 * (the user's shard, or the legacy database), so that every checkout call has one set of
 * rules whichever side serves it. Each change is conditional, and tells whether the rows
 * allowed it.
 */
public interface OrderBook {

	/**
	 * @param couponId the coupon
	 * @return the user's coupon
	 * @throws com.couponplatform.wallet.CouponNotFoundException when the user has none
	 * with that ID
	 */
	UserCoupon coupon(long couponId);

	/**
	 * @param orderId the order
	 * @return the order's row, locked until the transaction ends, or {@code null}
	 */
	CouponOrder findForUpdate(String orderId);

	/**
	 * Claims the order for a coupon.
	 * @return 1 when the order is new; 0 when it exists (after waiting for a concurrent
	 * insert of the same order to commit or roll back)
	 */
	int insertLocked(String orderId, long couponId, long templateId, long orderAmount, Instant now, Instant expiresAt);

	/**
	 * A released order locks a coupon again (the same or another).
	 * @return 1 when it was RELEASED
	 */
	int relock(String orderId, long couponId, long templateId, long orderAmount, Instant now, Instant expiresAt);

	/**
	 * Moves the order's row.
	 * @param couponReturned for a refund, whether the coupon went back to the wallet
	 * @return 1 when it had the status {@code from}
	 */
	int move(String orderId, CouponOrderStatus from, CouponOrderStatus to, Boolean couponReturned, Instant now);

	/**
	 * Locks a coupon for the order if it is usable now.
	 * @return whether it was locked
	 */
	boolean lock(long couponId, String orderId, Instant now);

	/**
	 * Marks the order's locked coupon used.
	 * @return whether it was LOCKED by that order
	 */
	boolean consume(long couponId, String orderId, Instant now);

	/**
	 * Gives a coupon held by the order back to the wallet: a released lock ({@code from}
	 * LOCKED), or a refunded use ({@code from} USED).
	 * @return whether it had that status for that order
	 */
	boolean giveBack(long couponId, String orderId, CouponStatus from, Instant now);

	/**
	 * Records one coupon's move where the side's readers of such moves find it, inside
	 * the transaction that made it.
	 */
	void changed(UserCoupon coupon, CouponStatus from, CouponStatus to, boolean refund, Instant now);

}
