package com.couponplatform.legacy;

import java.time.LocalDateTime;

/**
 * One row of the legacy {@code t_user_coupon}, as stored.
 *
 * @param id coupon ID
 * @param uid the user
 * @param tplId the template
 * @param state 0 unused, 1 frozen, 2 used, 3 expired, 4 revoked
 * @param getType 1 claimed, 2 pushed by the back office, 3 exchanged from a code
 * @param getTime claim time, local
 * @param expireTime end of validity, local; {@code null} on rows older than 2019
 * @param orderNo the order holding or having used it, or {@code null}
 * @param useTime when it was used, local, or {@code null}
 * @param code the code it came from, as typed, or {@code null}
 * @param version optimistic-lock counter, one up on every change
 * @param updateTime last change, local
 */
public record LegacyCoupon(long id, long uid, long tplId, int state, int getType, LocalDateTime getTime,
		LocalDateTime expireTime, String orderNo, LocalDateTime useTime, String code, int version,
		LocalDateTime updateTime) {

	/**
	 * The row the verifier compares (decision 9): every column, times at whole seconds.
	 * @return the canonical row
	 */
	public CanonicalRow canonical() {
		return CanonicalRow.of("t_user_coupon", Long.toString(this.id))
			.column("uid", this.uid)
			.column("tpl_id", this.tplId)
			.column("state", this.state)
			.column("get_type", this.getType)
			.column("get_time", this.getTime)
			.column("expire_time", this.expireTime)
			.column("order_no", this.orderNo)
			.column("use_time", this.useTime)
			.column("code", this.code)
			.column("version", this.version)
			.column("update_time", this.updateTime)
			.build();
	}

}
