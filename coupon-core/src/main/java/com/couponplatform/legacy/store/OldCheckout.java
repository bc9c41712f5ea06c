package com.couponplatform.legacy.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.checkout.CouponOrder;
import com.couponplatform.checkout.CouponOrderStatus;
import com.couponplatform.checkout.LegacyOrderBooks;
import com.couponplatform.checkout.OrderBook;
import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.gateway.OldWrites;
import com.couponplatform.legacy.LegacyMoney;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.legacy.MigratedCoupon;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.template.Discount;
import com.couponplatform.wallet.CouponNotFoundException;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * Checkout on OLD. The coupon rows and the use log are written as the monolith writes
 * them ({@link OldWrites}); the order itself — which coupon it holds, its amount, the
 * discount its freeze logged, when its lock is due — is the platform's row in
 * {@code t_coupon_migration_order}, in the same local transaction, which makes every call
 * idempotent by order exactly as {@code coupon_order} does on NEW.
 */
final class OldCheckout implements LegacyOrderBooks {

	private static final String ORDER_COLUMNS = "uid, order_no, user_coupon_id, tpl_id, status, order_amount, "
			+ "coupon_returned, locked_at, lock_expires_at, updated_at";

	/**
	 * OLD's IDs one expiry transaction looks at: a bounded scan, whatever the table's
	 * size.
	 */
	private static final int EXPIRY_WINDOW = 5_000;

	private final CouponGateway gateway;

	private final OldWallet wallet;

	private final LegacyTime time;

	OldCheckout(CouponGateway gateway, OldWallet wallet, LegacyTime time) {
		this.gateway = gateway;
		this.wallet = wallet;
		this.time = time;
	}

	@Override
	public <T> T inTransaction(long userId, Function<OrderBook, T> work) {
		return this.gateway.changeOld(userId, (writes) -> work.apply(new Book(userId, writes)));
	}

	@Override
	public List<UserCoupon> openCoupons(long userId, int limit) {
		return this.wallet.sql()
			.sql("SELECT * FROM t_user_coupon WHERE uid = ? AND state IN (0, 1) ORDER BY id DESC LIMIT ?")
			.params(userId, limit)
			.query(LegacyRowMappers.COUPON)
			.list()
			.stream()
			.flatMap((row) -> this.wallet.map(row).stream())
			.map(MigratedCoupon::coupon)
			.toList();
	}

	@Override
	public List<OverdueLock> overdue(Instant now, int limit) {
		return this.wallet.sql()
			.sql("SELECT uid, order_no FROM t_coupon_migration_order WHERE status = 'LOCKED' AND lock_expires_at <= ? "
					+ "ORDER BY lock_expires_at LIMIT ?")
			.params(UtcInstants.text(now), limit)
			.query((rs, n) -> new OverdueLock(rs.getLong(1), rs.getString(2)))
			.list();
	}

	@Override
	public long expire(Instant now) {
		LocalDateTime local = this.time.toLocal(now);
		long expired = 0;
		long after = 0;
		while (after >= 0) {
			CouponGateway.OldExpiryBatch batch = this.gateway.expireOld(after, EXPIRY_WINDOW, local);
			expired += batch.expired();
			after = batch.next();
		}
		return expired;
	}

	/** One user's order book inside one transaction of OLD. */
	private final class Book implements OrderBook {

		private final long userId;

		private final OldWrites writes;

		private final JdbcClient sql;

		Book(long userId, OldWrites writes) {
			this.userId = userId;
			this.writes = writes;
			this.sql = writes.sql();
		}

		@Override
		public UserCoupon coupon(long couponId) {
			return OldWallet.row(this.sql, this.userId, couponId)
				.flatMap((row) -> OldCheckout.this.wallet.map(row, this.sql))
				.map(MigratedCoupon::coupon)
				.orElseThrow(() -> new CouponNotFoundException(couponId));
		}

		@Override
		public CouponOrder findForUpdate(String orderId) {
			return this.sql
				.sql("SELECT " + ORDER_COLUMNS + " FROM t_coupon_migration_order WHERE uid = ? AND order_no = ? "
						+ "FOR UPDATE")
				.params(this.userId, orderId)
				.query((rs, n) -> new CouponOrder(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						CouponOrderStatus.valueOf(rs.getString(5)), rs.getLong(6), rs.getObject(7, Boolean.class),
						instant(rs.getObject(8, LocalDateTime.class)), instant(rs.getObject(9, LocalDateTime.class)),
						instant(rs.getObject(10, LocalDateTime.class))))
				.optional()
				.orElse(null);
		}

		@Override
		public int insertLocked(String orderId, long couponId, long templateId, long orderAmount, Instant now,
				Instant expiresAt) {
			return this.sql
				.sql("INSERT IGNORE INTO t_coupon_migration_order (" + ORDER_COLUMNS
						+ ", discount) VALUES (?, ?, ?, ?, 'LOCKED', ?, NULL, ?, ?, ?, ?)")
				.params(this.userId, orderId, couponId, templateId, orderAmount, UtcInstants.text(now),
						UtcInstants.text(expiresAt), UtcInstants.text(now), discount(couponId, orderAmount))
				.update();
		}

		@Override
		public int relock(String orderId, long couponId, long templateId, long orderAmount, Instant now,
				Instant expiresAt) {
			return this.sql
				.sql("UPDATE t_coupon_migration_order SET status = 'LOCKED', user_coupon_id = ?, tpl_id = ?, "
						+ "order_amount = ?, discount = ?, coupon_returned = NULL, locked_at = ?, lock_expires_at = ?, "
						+ "updated_at = ? WHERE uid = ? AND order_no = ? AND status = 'RELEASED'")
				.params(couponId, templateId, orderAmount, discount(couponId, orderAmount), UtcInstants.text(now),
						UtcInstants.text(expiresAt), UtcInstants.text(now), this.userId, orderId)
				.update();
		}

		@Override
		public int move(String orderId, CouponOrderStatus from, CouponOrderStatus to, Boolean couponReturned,
				Instant now) {
			return this.sql
				.sql("UPDATE t_coupon_migration_order SET status = ?, coupon_returned = ?, updated_at = ? "
						+ "WHERE uid = ? AND order_no = ? AND status = ?")
				.params(to.name(), couponReturned, UtcInstants.text(now), this.userId, orderId, from.name())
				.update();
		}

		@Override
		public boolean lock(long couponId, String orderId, Instant now) {
			return this.writes.freeze(couponId, orderId, LegacyMoney.toYuan(loggedDiscount(orderId)), local(now));
		}

		@Override
		public boolean consume(long couponId, String orderId, Instant now) {
			return this.writes.use(couponId, orderId, LegacyMoney.toYuan(loggedDiscount(orderId)), local(now));
		}

		@Override
		public boolean giveBack(long couponId, String orderId, CouponStatus from, Instant now) {
			return switch (from) {
				case LOCKED -> this.writes.unfreeze(couponId, orderId, local(now));
				case USED ->
					this.writes.refund(couponId, orderId, LegacyMoney.toYuan(loggedDiscount(orderId)), local(now));
				default ->
					throw new IllegalArgumentException("a coupon is given back from LOCKED or USED, not " + from);
			};
		}

		@Override
		public void changed(UserCoupon coupon, CouponStatus from, CouponStatus to, boolean refund, Instant now) {
			// OLD keeps no statistics of its own: its taken_count and rows are the
			// record,
			// and the use log written with the move.
		}

		/** What the coupon takes off the order: what its use-log rows say. */
		private long discount(long couponId, long orderAmount) {
			Discount discount = coupon(couponId).rule().discountFor(orderAmount);
			// An order below the threshold is refused right after, before anything is
			// logged.
			return (discount instanceof Discount.Applied applied) ? applied.amount() : 0;
		}

		private long loggedDiscount(String orderId) {
			return this.sql.sql("SELECT discount FROM t_coupon_migration_order WHERE uid = ? AND order_no = ?")
				.params(this.userId, orderId)
				.query(Long.class)
				.single();
		}

		private LocalDateTime local(Instant now) {
			return OldCheckout.this.time.toLocal(now.truncatedTo(ChronoUnit.SECONDS));
		}

		private static Instant instant(LocalDateTime utc) {
			return UtcInstants.instant(utc);
		}

	}

}
