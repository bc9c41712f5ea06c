package com.couponplatform.checkout;

import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.wallet.CouponNotFoundException;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * What every checkout call shares: one local transaction in the user's shard, the order's
 * row read under a row lock (so two calls for one order run one after the other), and the
 * status change written to the outbox with the rows it describes.
 */
@Component
@EnableConfigurationProperties(CheckoutProperties.class)
class OrderCouponSteps {

	private static final int DEADLOCK_ATTEMPTS = 3;

	private final CouponOrderMapper orders;

	private final UserCouponMapper coupons;

	private final Outbox outbox;

	private final Topics topics;

	private final TransactionTemplate transaction;

	private final ReplicaRouting routing;

	OrderCouponSteps(CouponOrderMapper orders, UserCouponMapper coupons, Outbox outbox, Topics topics,
			PlatformTransactionManager transactions, ReplicaRouting routing) {
		this.routing = routing;
		this.orders = orders;
		this.coupons = coupons;
		this.outbox = outbox;
		this.topics = topics;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Runs a call in one transaction. Two duplicate calls for one new order can deadlock
	 * on its row (both saw it exist, both ask to lock it); the database picks a loser,
	 * and retrying it is safe because the whole call rolled back.
	 */
	<T> T inTransaction(long userId, Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				T result = this.transaction.execute((status) -> work.get());
				this.routing.wrote(userId);
				return result;
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

	UserCouponMapper coupons() {
		return this.coupons;
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
	void changed(UserCoupon coupon, CouponStatus from, CouponStatus to, boolean refund, Instant now) {
		CouponStatusChanged event = new CouponStatusChanged(this.outbox.newEventId(), coupon.templateId(), from, to, 1,
				refund ? 1 : 0, now);
		this.outbox.append(coupon.userId(), this.topics.couponStatusChanged(), Long.toString(coupon.id()), event);
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

}
