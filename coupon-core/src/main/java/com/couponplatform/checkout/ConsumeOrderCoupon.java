package com.couponplatform.checkout;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

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
		this.steps.checkOrderId(orderId);
		return this.steps.inTransaction(userId, (book) -> {
			Instant now = this.clock.instant();
			CouponOrder order = OrderCouponSteps.lockedOrder(book, orderId);
			UserCoupon coupon = book.coupon(order.couponId());
			switch (order.status()) {
				case USED -> {
					return coupon;
				}
				case RELEASED -> throw new CouponNotAvailableException(coupon.id(), "the order's lock was released");
				case REFUNDED -> throw new OrderCouponStateException(orderId, order.status(), "consumed");
				default -> {
				}
			}
			OrderCouponSteps.expectOne(book.consume(coupon.id(), orderId, now), "consuming a locked coupon");
			OrderCouponSteps.expectOne(book.move(orderId, CouponOrderStatus.LOCKED, CouponOrderStatus.USED, null, now),
					"consuming");
			book.changed(coupon, CouponStatus.LOCKED, CouponStatus.USED, false, now);
			return coupon.withStatus(CouponStatus.USED);
		});
	}

}
