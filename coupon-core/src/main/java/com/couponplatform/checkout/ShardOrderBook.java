package com.couponplatform.checkout;

import java.time.Instant;

import com.couponplatform.gateway.CouponWrites;
import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.wallet.CouponNotFoundException;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * A user's order book in their shard: {@code coupon_order} and the coupon rows through
 * the gateway's writes, each move described by a {@link CouponStatusChanged} in the
 * shard's outbox.
 */
final class ShardOrderBook implements OrderBook {

	private final long userId;

	private final CouponWrites writes;

	private final CouponOrderMapper orders;

	private final UserCouponMapper coupons;

	private final Outbox outbox;

	private final Topics topics;

	ShardOrderBook(long userId, CouponWrites writes, CouponOrderMapper orders, UserCouponMapper coupons, Outbox outbox,
			Topics topics) {
		this.userId = userId;
		this.writes = writes;
		this.orders = orders;
		this.coupons = coupons;
		this.outbox = outbox;
		this.topics = topics;
	}

	@Override
	public UserCoupon coupon(long couponId) {
		UserCouponRow row = this.coupons.findById(this.userId, couponId);
		if (row == null) {
			throw new CouponNotFoundException(couponId);
		}
		return row.toCoupon();
	}

	@Override
	public CouponOrder findForUpdate(String orderId) {
		return this.orders.findForUpdate(this.userId, orderId);
	}

	@Override
	public int insertLocked(String orderId, long couponId, long templateId, long orderAmount, Instant now,
			Instant expiresAt) {
		return this.orders.insertLocked(this.userId, orderId, couponId, templateId, orderAmount, now, expiresAt);
	}

	@Override
	public int relock(String orderId, long couponId, long templateId, long orderAmount, Instant now,
			Instant expiresAt) {
		return this.orders.relock(this.userId, orderId, couponId, templateId, orderAmount, now, expiresAt);
	}

	@Override
	public int move(String orderId, CouponOrderStatus from, CouponOrderStatus to, Boolean couponReturned, Instant now) {
		return this.orders.move(this.userId, orderId, from, to, couponReturned, now);
	}

	@Override
	public boolean lock(long couponId, String orderId, Instant now) {
		return this.writes.lock(couponId, orderId, now);
	}

	@Override
	public boolean consume(long couponId, String orderId, Instant now) {
		return this.writes.consume(couponId, orderId, now);
	}

	@Override
	public boolean giveBack(long couponId, String orderId, CouponStatus from, Instant now) {
		return this.writes.giveBack(couponId, orderId, from, now);
	}

	@Override
	public void changed(UserCoupon coupon, CouponStatus from, CouponStatus to, boolean refund, Instant now) {
		CouponStatusChanged event = new CouponStatusChanged(this.outbox.newEventId(), coupon.templateId(), from, to, 1,
				refund ? 1 : 0, now);
		this.writes.append(this.topics.couponStatusChanged(), Long.toString(coupon.id()), event);
	}

}
