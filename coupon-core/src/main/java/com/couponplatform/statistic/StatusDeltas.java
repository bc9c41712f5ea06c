package com.couponplatform.statistic;

import com.couponplatform.checkout.CouponStatusChanged;
import com.couponplatform.wallet.CouponStatus;

/**
 * How one {@link CouponStatusChanged} event changes a template's counters.
 *
 * @param unused change of the unused count
 * @param locked change of the locked count
 * @param used change of the used count
 * @param expired change of the expired count
 * @param refunded change of the refunded total
 */
record StatusDeltas(long unused, long locked, long used, long expired, long refunded) {

	static StatusDeltas of(CouponStatusChanged event) {
		long[] counts = new long[CouponStatus.values().length];
		counts[event.from().ordinal()] -= event.count();
		counts[event.to().ordinal()] += event.count();
		return new StatusDeltas(counts[CouponStatus.UNUSED.ordinal()], counts[CouponStatus.LOCKED.ordinal()],
				counts[CouponStatus.USED.ordinal()], counts[CouponStatus.EXPIRED.ordinal()], event.refunds());
	}

}
