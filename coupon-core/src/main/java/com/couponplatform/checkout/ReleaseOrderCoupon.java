package com.couponplatform.checkout;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * The order is abandoned: its locked coupon goes back to the wallet. Idempotent; refused
 * once the coupon is used (refund it instead).
 */
@Service
public class ReleaseOrderCoupon {

	private final OrderCouponSteps steps;

	private final Clock clock;

	ReleaseOrderCoupon(OrderCouponSteps steps, Clock clock) {
		this.steps = steps;
		this.clock = clock;
	}

	/**
	 * @param userId the order's user
	 * @param orderId the order
	 * @return the coupon, UNUSED again
	 */
	public UserCoupon release(long userId, String orderId) {
		this.steps.checkOrderId(orderId);
		return this.steps.inTransaction(userId, (book) -> release(book, orderId, null));
	}

	/**
	 * The stale-lock sweep's release: only when the lock is still held and overdue at
	 * this instant, so a lock renewed or consumed since the sweep looked stays.
	 * @param userId the order's user
	 * @param orderId the order
	 * @return whether this call released it
	 */
	boolean releaseOverdue(long userId, String orderId) {
		return this.steps.inTransaction(userId, (book) -> {
			CouponOrder order = book.findForUpdate(orderId);
			if (order == null || order.status() != CouponOrderStatus.LOCKED
					|| order.lockExpiresAt.isAfter(this.clock.instant())) {
				return false;
			}
			release(book, orderId, order);
			return true;
		});
	}

	private UserCoupon release(OrderBook book, String orderId, CouponOrder locked) {
		Instant now = this.clock.instant();
		CouponOrder order = (locked != null) ? locked : OrderCouponSteps.lockedOrder(book, orderId);
		UserCoupon coupon = book.coupon(order.couponId());
		switch (order.status()) {
			case RELEASED -> {
				return coupon;
			}
			case USED, REFUNDED -> throw new OrderCouponStateException(orderId, order.status(), "released");
			default -> {
			}
		}
		OrderCouponSteps.expectOne(book.giveBack(coupon.id(), orderId, CouponStatus.LOCKED, now),
				"releasing a locked coupon");
		OrderCouponSteps.expectOne(book.move(orderId, CouponOrderStatus.LOCKED, CouponOrderStatus.RELEASED, null, now),
				"releasing");
		book.changed(coupon, CouponStatus.LOCKED, CouponStatus.UNUSED, false, now);
		return coupon.withStatus(CouponStatus.UNUSED);
	}

}
