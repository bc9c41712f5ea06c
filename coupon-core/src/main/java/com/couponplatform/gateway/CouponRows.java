package com.couponplatform.gateway;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.template.DiscountRule;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;

/**
 * The one writer of new {@code user_coupon} rows, one or many per statement: a claim's
 * row through ShardingSphere (the logical table, routed by the user), an issuance chunk's
 * rows straight into the physical table its routing names. Instants are bound as UTC text
 * with their milliseconds (a {@code Timestamp} would lose them on MariaDB).
 */
final class CouponRows {

	private static final String ROW = "(" + String.join(", ", Collections.nCopies(16, "?")) + ")";

	private CouponRows() {
	}

	/**
	 * Inserts coupons into one table.
	 * @param sql the transaction's client
	 * @param table {@code user_coupon}, or the physical table all the coupons route to
	 * @param coupons the coupons
	 * @param claimSlot the claim slot of a single claimed coupon, else {@code null}
	 * @param ignoreDuplicates whether a coupon that exists already (by any unique key) is
	 * skipped instead of failing the statement
	 * @return how many rows were inserted
	 */
	static int insert(JdbcClient sql, String table, List<UserCoupon> coupons, Integer claimSlot,
			boolean ignoreDuplicates) {
		List<Object> values = new ArrayList<>(coupons.size() * 16);
		for (UserCoupon coupon : coupons) {
			DiscountRule rule = coupon.rule();
			String claimedAt = UtcInstants.text(coupon.claimedAt());
			values.addAll(List.of(coupon.id(), coupon.userId(), coupon.templateId(), coupon.status().name(),
					rule.type().name()));
			// Typed, so a NULL is bound without asking the driver for parameter metadata.
			values.add(new SqlParameterValue(Types.BIGINT, rule.discountAmount()));
			values.add(new SqlParameterValue(Types.BIGINT, rule.thresholdAmount()));
			values.add(new SqlParameterValue(Types.INTEGER, rule.percentOff()));
			values.add(new SqlParameterValue(Types.BIGINT, rule.maxDiscountAmount()));
			values.add(UtcInstants.text(coupon.validFrom()));
			values.add(UtcInstants.text(coupon.validUntil()));
			values.add(claimedAt);
			values.add(coupon.origin().name());
			values.add(new SqlParameterValue(Types.VARCHAR, coupon.originRef()));
			values.add(new SqlParameterValue(Types.INTEGER, claimSlot));
			values.add(claimedAt);
		}
		return sql
			.sql("INSERT " + (ignoreDuplicates ? "IGNORE " : "") + "INTO " + table + " (" + UserCouponMapper.COLUMNS
					+ ") VALUES " + String.join(", ", Collections.nCopies(coupons.size(), ROW)))
			.params(values)
			.update();
	}

}
