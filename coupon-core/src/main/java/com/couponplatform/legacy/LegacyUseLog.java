package com.couponplatform.legacy;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One row of the legacy {@code t_coupon_use_log}: an order's action on a coupon, with the
 * discount in yuan.
 *
 * @param id row ID
 * @param uid the user
 * @param userCouponId the coupon
 * @param orderNo the order
 * @param action 1 freeze, 2 use, 3 unfreeze, 4 refund
 * @param amount the discount in yuan (0 for an unfreeze)
 * @param createTime when, local
 */
public record LegacyUseLog(long id, long uid, long userCouponId, String orderNo, int action, BigDecimal amount,
		LocalDateTime createTime) {

	/**
	 * The row the verifier compares: every column, times at whole seconds.
	 * @return the canonical row
	 */
	public CanonicalRow canonical() {
		return CanonicalRow.of("t_coupon_use_log", Long.toString(this.id))
			.column("uid", this.uid)
			.column("user_coupon_id", this.userCouponId)
			.column("order_no", this.orderNo)
			.column("action", this.action)
			.column("amount", this.amount)
			.column("create_time", this.createTime)
			.build();
	}

}
