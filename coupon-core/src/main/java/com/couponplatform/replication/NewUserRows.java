package com.couponplatform.replication;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.legacy.CouponMapping;
import com.couponplatform.legacy.LegacyClaimRequest;
import com.couponplatform.legacy.LegacyCoupon;
import com.couponplatform.legacy.LegacyOrder;
import com.couponplatform.legacy.LegacyRedemptionRequest;
import com.couponplatform.legacy.MigratedCoupon;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.template.DiscountRule;
import com.couponplatform.template.TemplateType;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * Reads NEW's copy of one user and maps it back to the legacy rows it stands for
 * (decision 9): each coupon with its side row through {@link CouponMapping#toLegacy}; a
 * claimed coupon whose origin key is a request ID is also the claim request OLD recorded;
 * legacy order locks are the user's orders that carry the freeze's discount.
 */
final class NewUserRows {

	private final CouponMapping coupons;

	NewUserRows(CouponMapping coupons) {
		this.coupons = coupons;
	}

	UserRows read(JdbcClient sql, ShardLocation location, long userId) {
		List<LegacyCoupon> coupons = new ArrayList<>();
		List<LegacyClaimRequest> claims = new ArrayList<>();
		sql.sql("SELECT c.id, c.template_id, c.status, c.type, c.discount_amount, c.threshold_amount, c.percent_off, "
				+ "c.max_discount_amount, c.valid_from, c.valid_until, c.claimed_at, c.origin, c.origin_ref, c.version, "
				+ "c.updated_at, c.order_id, c.used_at, l.code_as_typed, l.expire_time_unset FROM "
				+ location.physicalTable("user_coupon") + " c LEFT JOIN " + location.physicalTable("legacy_coupon")
				+ " l ON l.coupon_id = c.id WHERE c.user_id = ? ORDER BY c.id")
			.param(userId)
			.query((rs) -> {
				DiscountRule rule = new DiscountRule(TemplateType.valueOf(rs.getString(4)), rs.getObject(5, Long.class),
						rs.getObject(6, Long.class), rs.getObject(7, Integer.class), rs.getObject(8, Long.class));
				CouponOrigin origin = CouponOrigin.valueOf(rs.getString(12));
				UserCoupon coupon = new UserCoupon(rs.getLong(1), userId, rs.getLong(2),
						CouponStatus.valueOf(rs.getString(3)), rule, instant(rs, 9), instant(rs, 10), instant(rs, 11),
						origin, rs.getString(13));
				coupons.add(this.coupons.toLegacy(new MigratedCoupon(coupon, rs.getString(16), instant(rs, 17),
						rs.getInt(14), instant(rs, 15), rs.getString(18), rs.getInt(19) == 1)));
				if ((origin == CouponOrigin.CLAIM || origin == CouponOrigin.BATCH_CLAIM)
						&& !coupon.originRef().startsWith(CouponMapping.ORIGIN_REF_PREFIX)) {
					claims.add(new LegacyClaimRequest(userId, origin.name(), coupon.originRef(), coupon.templateId(),
							coupon.id(), coupon.claimedAt()));
				}
			});
		List<LegacyOrder> orders = sql
			.sql("SELECT order_id, coupon_id, template_id, status, order_amount, discount, coupon_returned, locked_at, "
					+ "lock_expires_at, updated_at FROM " + location.physicalTable("coupon_order")
					+ " WHERE user_id = ? AND discount IS NOT NULL ORDER BY order_id")
			.param(userId)
			.query((rs, n) -> new LegacyOrder(userId, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getLong(5), rs.getLong(6), rs.getObject(7, Boolean.class), instant(rs, 8), instant(rs, 9),
					instant(rs, 10)))
			.list();
		List<LegacyRedemptionRequest> redemptions = sql
			.sql("SELECT request_id, code, coupon_id, created_at FROM " + location.physicalTable("redemption_request")
					+ " WHERE user_id = ? ORDER BY request_id")
			.param(userId)
			.query((rs, n) -> new LegacyRedemptionRequest(userId, rs.getString(1), rs.getString(2),
					rs.getObject(3, Long.class), instant(rs, 4)))
			.list();
		return new UserRows(coupons, orders, claims, redemptions);
	}

	private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		return UtcInstants.instant(rs.getObject(column, LocalDateTime.class));
	}

}
