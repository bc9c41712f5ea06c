package com.couponplatform.gateway;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.template.DiscountRule;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;

/**
 * The changes NEW's copy of one legacy user may take, in one transaction of the user's
 * shard that holds the user's copy lock ({@link CouponGateway#copy}): their coupon rows
 * replaced by OLD's, and, through {@link #sql()}, the copy's other tables of the same
 * physical table index (use log, order locks, redemption requests, the copy's own row).
 */
public final class MirrorWrites {

	private static final String COLUMNS = UserCouponMapper.COLUMNS + ", version, order_id, used_at";

	private static final String ROW = "(" + String.join(", ", Collections.nCopies(19, "?")) + ")";

	private final JdbcClient sql;

	private final ShardLocation location;

	private final long userId;

	MirrorWrites(JdbcClient sql, ShardLocation location, long userId) {
		this.sql = sql;
		this.location = location;
		this.userId = userId;
	}

	/**
	 * @return the transaction's statements
	 */
	public JdbcClient sql() {
		return this.sql;
	}

	/**
	 * @return where the user's rows live
	 */
	public ShardLocation location() {
		return this.location;
	}

	/**
	 * @return the user
	 */
	public long userId() {
		return this.userId;
	}

	/**
	 * Removes coupons of the user from the copy, with their side rows.
	 * @param ids the coupons' IDs
	 */
	public void deleteCoupons(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.sql
			.sql("DELETE FROM " + this.location.physicalTable("user_coupon")
					+ " WHERE user_id = :user AND id IN (:ids)")
			.param("user", this.userId)
			.param("ids", ids)
			.update();
		this.sql
			.sql("DELETE FROM " + this.location.physicalTable("legacy_coupon")
					+ " WHERE user_id = :user AND coupon_id IN (:ids)")
			.param("user", this.userId)
			.param("ids", ids)
			.update();
	}

	/**
	 * Inserts coupons of the user into the copy, with their side rows; none may be there.
	 * @param coupons the coupons, each of this user
	 */
	public void insertCoupons(List<CopiedCoupon> coupons) {
		if (coupons.isEmpty()) {
			return;
		}
		List<Object> values = new ArrayList<>(coupons.size() * 19);
		List<Object> sides = new ArrayList<>(coupons.size() * 4);
		for (CopiedCoupon copied : coupons) {
			UserCoupon coupon = copied.coupon();
			if (coupon.userId() != this.userId) {
				throw new IllegalArgumentException("coupon " + coupon.id() + " is not user " + this.userId + "'s");
			}
			DiscountRule rule = coupon.rule();
			values.addAll(List.of(coupon.id(), coupon.userId(), coupon.templateId(), coupon.status().name(),
					rule.type().name()));
			values.add(new SqlParameterValue(Types.BIGINT, rule.discountAmount()));
			values.add(new SqlParameterValue(Types.BIGINT, rule.thresholdAmount()));
			values.add(new SqlParameterValue(Types.INTEGER, rule.percentOff()));
			values.add(new SqlParameterValue(Types.BIGINT, rule.maxDiscountAmount()));
			values.add(UtcInstants.text(coupon.validFrom()));
			values.add(UtcInstants.text(coupon.validUntil()));
			values.add(UtcInstants.text(coupon.claimedAt()));
			values.add(coupon.origin().name());
			values.add(coupon.originRef());
			values.add(new SqlParameterValue(Types.INTEGER, copied.claimSlot()));
			values.add(UtcInstants.text(copied.updatedAt()));
			values.add(copied.version());
			values.add(new SqlParameterValue(Types.VARCHAR, copied.orderId()));
			values.add(new SqlParameterValue(Types.VARCHAR, UtcInstants.text(copied.usedAt())));
			sides.add(coupon.id());
			sides.add(this.userId);
			sides.add(new SqlParameterValue(Types.VARCHAR, copied.codeAsTyped()));
			sides.add(copied.expireTimeUnset() ? 1 : 0);
		}
		this.sql
			.sql("INSERT INTO " + this.location.physicalTable("user_coupon") + " (" + COLUMNS + ") VALUES "
					+ String.join(", ", Collections.nCopies(coupons.size(), ROW)))
			.params(values)
			.update();
		this.sql
			.sql("INSERT INTO " + this.location.physicalTable("legacy_coupon")
					+ " (coupon_id, user_id, code_as_typed, expire_time_unset) VALUES "
					+ String.join(", ", Collections.nCopies(coupons.size(), "(?, ?, ?, ?)")))
			.params(sides)
			.update();
	}

}
