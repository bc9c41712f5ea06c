package com.couponplatform.gateway;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.OutboxEvent;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * The changes one user's coupons may take inside a transaction the gateway opened for
 * that user, past the user's fence: a new coupon, the order moves, and the events that
 * describe them. Every statement names the user, so ShardingSphere routes it to the
 * user's tables and no other user's row can be touched.
 */
public final class CouponWrites {

	private static final String TABLE = "user_coupon";

	private final JdbcClient sql;

	private final long userId;

	private final Outbox outbox;

	CouponWrites(JdbcClient sql, long userId, Outbox outbox) {
		this.sql = sql;
		this.userId = userId;
		this.outbox = outbox;
	}

	/**
	 * Inserts a new coupon of the user.
	 * @param coupon the coupon
	 * @param claimSlot for a claim, which of the user's per-template slots it takes;
	 * otherwise {@code null}
	 * @throws org.springframework.dao.DuplicateKeyException when its origin or slot is
	 * taken
	 */
	public void insert(UserCoupon coupon, Integer claimSlot) {
		requireOwn(coupon.userId());
		CouponRows.insert(this.sql, TABLE, List.of(coupon), claimSlot, false);
	}

	/**
	 * Locks a coupon for an order if it is usable now: the one conditional update that
	 * lets exactly one of several racing orders win it.
	 * @return whether it was locked ({@code false}: not UNUSED and valid at that instant)
	 */
	public boolean lock(long couponId, String orderId, Instant now) {
		String at = UtcInstants.text(now);
		return this.sql
			.sql("UPDATE " + TABLE + " SET status = 'LOCKED', order_id = ?, version = version + 1, "
					+ "updated_at = ? WHERE user_id = ? AND id = ? AND status = 'UNUSED' AND valid_from <= ? "
					+ "AND valid_until > ?")
			.params(orderId, at, this.userId, couponId, at, at)
			.update() == 1;
	}

	/**
	 * Marks the order's locked coupon used.
	 * @return whether it was LOCKED by that order
	 */
	public boolean consume(long couponId, String orderId, Instant now) {
		String at = UtcInstants.text(now);
		return this.sql
			.sql("UPDATE " + TABLE + " SET status = 'USED', used_at = ?, version = version + 1, "
					+ "updated_at = ? WHERE user_id = ? AND id = ? AND status = 'LOCKED' AND order_id = ?")
			.params(at, at, this.userId, couponId, orderId)
			.update() == 1;
	}

	/**
	 * Gives a coupon held by an order back to the wallet: a released lock, or a refunded
	 * use.
	 * @param from the status it must have ({@code LOCKED} or {@code USED})
	 * @return whether it had that status for that order
	 */
	public boolean giveBack(long couponId, String orderId, CouponStatus from, Instant now) {
		return this.sql.sql("UPDATE " + TABLE + " SET status = 'UNUSED', order_id = NULL, used_at = NULL, "
				+ "version = version + 1, updated_at = ? WHERE user_id = ? AND id = ? AND status = ? AND order_id = ?")
			.params(UtcInstants.text(now), this.userId, couponId, from.name(), orderId)
			.update() == 1;
	}

	/**
	 * Stores an event about these changes in the user's outbox, in the same transaction.
	 * @param topic the topic
	 * @param key the message key
	 * @param event the event
	 */
	public void append(String topic, String key, OutboxEvent event) {
		this.outbox.append(this.sql, this.userId, topic, key, event);
	}

	private void requireOwn(long owner) {
		if (owner != this.userId) {
			throw new IllegalArgumentException(
					"A write fenced for user " + this.userId + " cannot write a coupon of user " + owner);
		}
	}

}
