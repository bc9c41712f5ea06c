package com.couponplatform.checkout;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import com.couponplatform.gateway.CouponWrites;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * The order is paid: its locked coupon becomes USED. Idempotent: consuming a used order's
 * coupon again answers the coupon. A coupon locked while valid may be consumed after its
 * validity ends, since the order was placed in time.
 */
@Service
public class ConsumeOrderCoupon {

	private final OrderCouponSteps steps;

	private final Clock clock;

	ConsumeOrderCoupon(OrderCouponSteps steps, Clock clock) {
		this.steps = steps;
		this.clock = clock;
	}

	/**
	 * @param userId the order's user
	 * @param orderId the order
	 * @return the coupon, USED
	 */
	public UserCoupon consume(long userId, String orderId) {
		OrderIds.check(orderId);
		return this.steps.inTransaction(userId, (writes) -> {
			Instant now = this.clock.instant();
			CouponOrder order = this.steps.lockedOrder(userId, orderId);
			UserCoupon coupon = this.steps.coupon(userId, order.couponId());
			switch (order.status()) {
				case USED -> {
					return coupon;
				}
				case RELEASED -> throw new CouponNotAvailableException(coupon.id(), "the order's lock was released");
				case REFUNDED -> throw new OrderCouponStateException(orderId, order.status(), "consumed");
				default -> {
				}
			}
			OrderCouponSteps.expectOne(writes.consume(coupon.id(), orderId, now), "consuming a locked coupon");
			OrderCouponSteps.expectOne(
					this.steps.orders()
						.move(userId, orderId, CouponOrderStatus.LOCKED, CouponOrderStatus.USED, null, now),
					"consuming");
			this.steps.changed(writes, coupon, CouponStatus.LOCKED, CouponStatus.USED, false, now);
			return coupon.withStatus(CouponStatus.USED);
		});
	}

}
