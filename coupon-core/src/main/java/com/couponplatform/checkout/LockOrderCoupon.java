package com.couponplatform.checkout;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.template.Discount;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * Checkout locks a user's coupon for an order: the coupon must be UNUSED and valid now,
 * and the order amount must reach its threshold. Idempotent by order: the same call again
 * answers the same coupon; another coupon for an order that holds one is refused.
 *
 * <p>
 * The order's row is inserted first (a concurrent call for the same order waits on it),
 * then the coupon moves UNUSED → LOCKED by a conditional update, so of many orders racing
 * for one coupon exactly one changes the row; the others roll back their order row and
 * are refused.
 */
@Service
public class LockOrderCoupon {

	/** The largest order amount accepted, in minor units. */
	static final long MAX_ORDER_AMOUNT = 1_000_000_000_000L;

	private final OrderCouponSteps steps;

	private final CheckoutProperties properties;

	private final Clock clock;

	LockOrderCoupon(OrderCouponSteps steps, CheckoutProperties properties, Clock clock) {
		this.steps = steps;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Locks the coupon for the order.
	 * @param userId the coupon's owner, who places the order
	 * @param orderId the mall's order number
	 * @param couponId the coupon
	 * @param orderAmount the amount the coupon's threshold is checked against, in minor
	 * units
	 * @return the coupon, LOCKED (or as it is now, on a replay of a call that locked it)
	 */
	public UserCoupon lock(long userId, String orderId, long couponId, Long orderAmount) {
		this.steps.checkOrderId(orderId);
		if (orderAmount == null || orderAmount < 0 || orderAmount > MAX_ORDER_AMOUNT) {
			throw new InvalidInputException("orderAmount", "must be 0 to " + MAX_ORDER_AMOUNT + " minor units");
		}
		return this.steps.inTransaction(userId, (book) -> {
			Instant now = this.clock.instant();
			UserCoupon coupon = book.coupon(couponId);
			Instant expiresAt = now.plus(this.properties.getLockTimeout());
			if (book.insertLocked(orderId, couponId, coupon.templateId(), orderAmount, now, expiresAt) == 0) {
				CouponOrder existing = OrderCouponSteps.lockedOrder(book, orderId);
				if (existing.status() != CouponOrderStatus.RELEASED) {
					return replay(existing, coupon);
				}
				OrderCouponSteps.expectOne(
						book.relock(orderId, couponId, coupon.templateId(), orderAmount, now, expiresAt),
						"re-locking a released order");
			}
			checkUsable(coupon, orderAmount, now);
			if (!book.lock(couponId, orderId, now)) {
				// Another order took it between our read and our update.
				throw new CouponNotAvailableException(couponId, "another order holds it");
			}
			book.changed(coupon, CouponStatus.UNUSED, CouponStatus.LOCKED, false, now);
			return coupon.withStatus(CouponStatus.LOCKED);
		});
	}

	/**
	 * The answer to a repeated lock. The coupon's state comes from the order's row, read
	 * under its lock: the coupon read earlier in this transaction is a snapshot that may
	 * predate the duplicate call this one waited for.
	 */
	private static UserCoupon replay(CouponOrder existing, UserCoupon coupon) {
		if (existing.couponId() != coupon.id()) {
			throw new OrderHasOtherCouponException(existing.orderId());
		}
		if (existing.status() == CouponOrderStatus.REFUNDED) {
			throw new OrderCouponStateException(existing.orderId(), existing.status(), "locked again");
		}
		return coupon
			.withStatus((existing.status() == CouponOrderStatus.USED) ? CouponStatus.USED : CouponStatus.LOCKED);
	}

	private static void checkUsable(UserCoupon coupon, long orderAmount, Instant now) {
		CouponStatus status = coupon.statusAt(now);
		if (status != CouponStatus.UNUSED) {
			throw new CouponNotAvailableException(coupon.id(), switch (status) {
				case LOCKED -> "another order holds it";
				case USED -> "it is used";
				default -> "it has expired";
			});
		}
		if (now.isBefore(coupon.validFrom())) {
			throw new CouponNotAvailableException(coupon.id(), "it is not valid before " + coupon.validFrom());
		}
		if (coupon.rule().discountFor(orderAmount) instanceof Discount.ThresholdNotMet notMet) {
			throw new ThresholdNotMetException(coupon.id(), notMet.missingAmount());
		}
	}

}
