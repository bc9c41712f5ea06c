package com.couponplatform.wallet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.couponplatform.migration.SideResolver;
import com.couponplatform.sharding.ReplicaRouting;

/**
 * A user reads one of their coupons.
 */
@Service
public class FindUserCoupon {

	private final UserCouponMapper coupons;

	private final ReplicaRouting routing;

	private final SideResolver sides;

	private final ObjectProvider<LegacyWallet> legacy;

	FindUserCoupon(UserCouponMapper coupons, ReplicaRouting routing, SideResolver sides,
			ObjectProvider<LegacyWallet> legacy) {
		this.sides = sides;
		this.legacy = legacy;
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
		if (this.sides.onOld(userId)) {
			return this.legacy.getObject().find(userId, couponId);
		}
		UserCouponRow row = this.routing.forUser(userId, () -> this.coupons.findById(userId, couponId));
		if (row == null) {
			throw new CouponNotFoundException(couponId);
		}
		return row.toCoupon();
	}

}
