package com.couponplatform.checkout;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * A paid order is refunded: its coupon goes back to the wallet when it is still valid and
 * its template is refundable, and stays USED otherwise. Either way the order records what
 * happened ({@code coupon_returned}), so a repeated refund changes nothing and answers
 * the same.
 */
@Service
public class RefundOrderCoupon {

	private final OrderCouponSteps steps;

	private final TemplateCatalog catalog;

	private final Clock clock;

	RefundOrderCoupon(OrderCouponSteps steps, TemplateCatalog catalog, Clock clock) {
		this.steps = steps;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * @param userId the order's user
	 * @param orderId the order
	 * @return the coupon: UNUSED when it was given back, else USED (or whatever it became
	 * since, on a repeated call)
	 */
	public UserCoupon refund(long userId, String orderId) {
		this.steps.checkOrderId(orderId);
		return this.steps.inTransaction(userId, (book) -> {
			Instant now = this.clock.instant();
			CouponOrder order = OrderCouponSteps.lockedOrder(book, orderId);
			UserCoupon coupon = book.coupon(order.couponId());
			switch (order.status()) {
				case REFUNDED -> {
					return coupon;
				}
				case LOCKED, RELEASED -> throw new OrderCouponStateException(orderId, order.status(), "refunded");
				default -> {
				}
			}
			boolean giveBack = now.isBefore(coupon.validUntil()) && this.catalog.get(coupon.templateId()).refundable();
			OrderCouponSteps.expectOne(
					book.move(orderId, CouponOrderStatus.USED, CouponOrderStatus.REFUNDED, giveBack, now), "refunding");
			if (!giveBack) {
				return coupon;
			}
			OrderCouponSteps.expectOne(book.giveBack(coupon.id(), orderId, CouponStatus.USED, now),
					"giving a refunded coupon back");
			book.changed(coupon, CouponStatus.USED, CouponStatus.UNUSED, true, now);
			return coupon.withStatus(CouponStatus.UNUSED);
		});
	}

}
