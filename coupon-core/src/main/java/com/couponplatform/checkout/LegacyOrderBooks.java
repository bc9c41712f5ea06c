package com.couponplatform.checkout;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.couponplatform.wallet.UserCoupon;

/**
 * Checkout for users the legacy database serves (implemented where the legacy model
 * lives; present only with a legacy database configured): their order books in OLD's
 * transactions, written as the monolith writes, and what the quote and the stale-lock
 * sweep read there.
 */
public interface LegacyOrderBooks {

	/** The longest order ID the legacy {@code order_no} column holds (decision 7). */
	int MAX_ORDER_ID_LENGTH = 32;

	/**
	 * Runs a checkout call in one transaction of OLD for the user.
	 * @param <T> the result
	 * @param userId the user, on OLD
	 * @param work the call
	 * @return its result, committed
	 */
	<T> T inTransaction(long userId, Function<OrderBook, T> work);

	/**
	 * @param userId the user, on OLD
	 * @param limit the most coupons to read
	 * @return the user's UNUSED and LOCKED coupons, newest first
	 */
	List<UserCoupon> openCoupons(long userId, int limit);

	/**
	 * @param now the instant
	 * @param limit the most locks to return
	 * @return orders whose lock the platform made on OLD and nobody consumed in time
	 */
	List<OverdueLock> overdue(Instant now, int limit);

	/**
	 * Expires the UNUSED coupons of OLD's users past their end, as the monolith's nightly
	 * job does.
	 * @param now the instant they are past
	 * @return how many it expired
	 */
	long expire(Instant now);

	/**
	 * An order lock past its time.
	 *
	 * @param userId the order's user
	 * @param orderId the order
	 */
	record OverdueLock(long userId, String orderId) {
	}

}
