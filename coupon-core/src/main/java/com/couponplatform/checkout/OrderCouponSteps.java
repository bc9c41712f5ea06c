package com.couponplatform.checkout;

import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.migration.SideResolver;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.wallet.UserCouponMapper;

/**
 * What every checkout call shares: one local transaction of the side that holds the
 * user's coupons — the user's shard, opened by the {@link CouponGateway} (which fences
 * it), or the legacy database ({@link LegacyOrderBooks}) — with the order's row read
 * under a row lock (so two calls for one order run one after the other), all through the
 * user's {@link OrderBook}.
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

	private final SideResolver sides;

	private final ObjectProvider<LegacyOrderBooks> legacy;

	OrderCouponSteps(CouponOrderMapper orders, UserCouponMapper coupons, Outbox outbox, Topics topics,
			CouponGateway gateway, SideResolver sides, ObjectProvider<LegacyOrderBooks> legacy) {
		this.orders = orders;
		this.coupons = coupons;
		this.outbox = outbox;
		this.topics = topics;
		this.gateway = gateway;
		this.sides = sides;
		this.legacy = legacy;
	}

	/**
	 * Checks an order ID as sent: while a legacy database is configured it must also fit
	 * the legacy {@code order_no} column, whichever side serves the user now, since the
	 * order may have to be written there (decision 7).
	 * @param orderId the order ID
	 * @return the same ID
	 */
	String checkOrderId(String orderId) {
		OrderIds.check(orderId);
		if (this.legacy.getIfAvailable() != null && orderId.length() > LegacyOrderBooks.MAX_ORDER_ID_LENGTH) {
			throw new InvalidInputException("orderId", "must be at most " + LegacyOrderBooks.MAX_ORDER_ID_LENGTH
					+ " characters while the platform serves from the legacy database");
		}
		return orderId;
	}

	/**
	 * Runs a call in one transaction. Two duplicate calls for one new order can deadlock
	 * on its row (both saw it exist, both ask to lock it); the database picks a loser,
	 * and retrying it is safe because the whole call rolled back.
	 */
	<T> T inTransaction(long userId, Function<OrderBook, T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				if (this.sides.onOld(userId)) {
					return this.legacy.getObject().inTransaction(userId, work);
				}
				return this.gateway.change(userId, (writes) -> work
					.apply(new ShardOrderBook(userId, writes, this.orders, this.coupons, this.outbox, this.topics)));
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == DEADLOCK_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/** The order's row, locked until the transaction ends. */
	static CouponOrder lockedOrder(OrderBook book, String orderId) {
		CouponOrder order = book.findForUpdate(orderId);
		if (order == null) {
			throw new OrderCouponNotFoundException(orderId);
		}
		return order;
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
