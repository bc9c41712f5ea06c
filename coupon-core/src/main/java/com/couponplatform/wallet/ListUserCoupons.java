package com.couponplatform.wallet;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.couponplatform.migration.SideResolver;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.shared.Keyset;
import com.couponplatform.shared.Page;

/**
 * A user lists their coupons, newest first, optionally by status, with keyset paging
 * inside their own shard, or in the legacy database while it serves the user.
 */
@Service
public class ListUserCoupons {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	private final UserCouponMapper coupons;

	private final Clock clock;

	private final ReplicaRouting routing;

	private final SideResolver sides;

	private final ObjectProvider<LegacyWallet> legacy;

	ListUserCoupons(UserCouponMapper coupons, Clock clock, ReplicaRouting routing, SideResolver sides,
			ObjectProvider<LegacyWallet> legacy) {
		this.sides = sides;
		this.legacy = legacy;
		this.routing = routing;
		this.coupons = coupons;
		this.clock = clock;
	}

	/**
	 * One page of the user's coupons.
	 * @param userId the owner
	 * @param status a status as readers see it, or {@code null} for every coupon
	 * @param cursor the previous page's {@code nextCursor}, or {@code null} for the first
	 * page
	 * @param limit page size, 1 to {@value #MAX_LIMIT}, or {@code null} for
	 * {@value #DEFAULT_LIMIT}
	 * @return the page
	 * @throws com.couponplatform.shared.InvalidInputException for a malformed cursor or
	 * an out-of-range limit
	 */
	public Page<UserCoupon> list(long userId, CouponStatus status, String cursor, Integer limit) {
		int size = Keyset.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
		long beforeId = Keyset.before(cursor);
		if (this.sides.onOld(userId)) {
			return Keyset.page(this.legacy.getObject().rows(userId, status, beforeId, size + 1, this.clock.instant()),
					size, UserCoupon::id);
		}
		List<UserCoupon> rows = this.routing
			.forUser(userId,
					() -> this.coupons.findPage(userId, beforeId, (status != null) ? status.name() : null,
							this.clock.instant(), size + 1))
			.stream()
			.map(UserCouponRow::toCoupon)
			.toList();
		return Keyset.page(rows, size, UserCoupon::id);
	}

}
