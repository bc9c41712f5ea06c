package com.couponplatform.wallet;

import org.springframework.stereotype.Service;

import com.couponplatform.sharding.ReplicaRouting;

/**
 * A user reads one of their coupons.
 */
@Service
public class FindUserCoupon {

	private final UserCouponMapper coupons;

	private final ReplicaRouting routing;

	FindUserCoupon(UserCouponMapper coupons, ReplicaRouting routing) {
		this.routing = routing;
		this.coupons = coupons;
	}

	/**
	 * The user's coupon with that ID.
	 * @param userId the caller
	 * @param couponId the coupon
	 * @return the coupon
	 * @throws CouponNotFoundException when the user has no such coupon, including when
	 * another user does
	 */
	public UserCoupon find(long userId, long couponId) {
		UserCouponRow row = this.routing.forUser(userId, () -> this.coupons.findById(userId, couponId));
		if (row == null) {
			throw new CouponNotFoundException(couponId);
		}
		return row.toCoupon();
	}

}
