package com.couponplatform.checkout;

import java.time.Instant;
import java.util.function.Function;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.gateway.CouponWrites;
import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.wallet.CouponNotFoundException;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * What every checkout call shares: one local transaction in the user's shard, opened by
 * the {@link CouponGateway} (which fences it), the order's row read under a row lock (so
 * two calls for one order run one after the other), and the status change written to the
 * outbox with the rows it describes.
 */
@Component
@EnableConfigurationProperties(CheckoutProperties.class)
class OrderCouponSteps {

	private static final int DEADLOCK_ATTEMPTS = 3;

	private final CouponOrderMapper orders;

	private final UserCouponMapper coupons;

	private final Outbox outbox;

	private final Topics topics;

	private final CouponGateway gateway;

	OrderCouponSteps(CouponOrderMapper orders, UserCouponMapper coupons, Outbox outbox, Topics topics,
			CouponGateway gateway) {
		this.orders = orders;
		this.coupons = coupons;
		this.outbox = outbox;
		this.topics = topics;
		this.gateway = gateway;
	}

	/**
	 * Runs a call in one transaction. Two duplicate calls for one new order can deadlock
	 * on its row (both saw it exist, both ask to lock it); the database picks a loser,
	 * and retrying it is safe because the whole call rolled back.
	 */
	<T> T inTransaction(long userId, Function<CouponWrites, T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.gateway.change(userId, work);
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == DEADLOCK_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	CouponOrderMapper orders() {
		return this.orders;
	}

	/** The order's row, locked until the transaction ends. */
	CouponOrder lockedOrder(long userId, String orderId) {
		CouponOrder order = this.orders.findForUpdate(userId, orderId);
		if (order == null) {
			throw new OrderCouponNotFoundException(orderId);
		}
		return order;
	}

	UserCoupon coupon(long userId, long couponId) {
		UserCouponRow row = this.coupons.findById(userId, couponId);
		if (row == null) {
			throw new CouponNotFoundException(couponId);
		}
		return row.toCoupon();
	}

	/** Records one coupon's move in the outbox, inside the transaction that made it. */
	void changed(CouponWrites writes, UserCoupon coupon, CouponStatus from, CouponStatus to, boolean refund,
			Instant now) {
		CouponStatusChanged event = new CouponStatusChanged(this.outbox.newEventId(), coupon.templateId(), from, to, 1,
				refund ? 1 : 0, now);
		writes.append(this.topics.couponStatusChanged(), Long.toString(coupon.id()), event);
	}

	/**
	 * A change the rows must allow once the order's row is locked; zero rows means the
	 * two tables disagree, which no call may paper over.
	 */
	static void expectOne(int updated, String what) {
		if (updated != 1) {
			throw new IllegalStateException("Expected one row to change when " + what + ", saw " + updated);
		}
	}

	static void expectOne(boolean changed, String what) {
		expectOne(changed ? 1 : 0, what);
	}

}
