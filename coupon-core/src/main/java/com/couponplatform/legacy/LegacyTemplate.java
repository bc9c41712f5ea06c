package com.couponplatform.legacy;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One row of the legacy {@code t_coupon_template}, as stored (local times, yuan, the
 * monolith's codes).
 *
 * @param id template ID
 * @param title name shown to users
 * @param couponKind 1 cash voucher, 2 spend-X-save-Y, 3 discount rate
 * @param faceValue amount off in yuan (kinds 1 and 2)
 * @param minOrderAmt threshold in yuan, 0 for none
 * @param discountRate kind 3: the share of the price paid, in tenths
 * @param maxCut cap of a kind-3 discount in yuan, or {@code null}
 * @param totalCount stock
 * @param takenCount issued so far as the monolith counts it (drifts from the rows)
 * @param perUserLimit claims per user (0: see the mapping)
 * @param grabStart start of the claim window, local
 * @param grabEnd end of the claim window, local
 * @param useStart start of a fixed validity window, local, or {@code null}
 * @param useEnd end of a fixed validity window, local, or {@code null}
 * @param validDays relative validity in days, used when {@code useStart} is null
 * @param status 0 draft, 1 online, 2 paused, 3 offline, 9 deleted
 * @param scopeType 0 all goods, 1 listed goods, 2 all but listed goods, 3 listed
 * categories
 * @param operator last back-office editor
 * @param createTime creation, local
 * @param updateTime last change, local
 */
public record LegacyTemplate(long id, String title, int couponKind, BigDecimal faceValue, BigDecimal minOrderAmt,
		BigDecimal discountRate, BigDecimal maxCut, int totalCount, int takenCount, int perUserLimit,
		LocalDateTime grabStart, LocalDateTime grabEnd, LocalDateTime useStart, LocalDateTime useEnd, Integer validDays,
		int status, int scopeType, String operator, LocalDateTime createTime, LocalDateTime updateTime) {

	/** Kind 1: a fixed amount off. */
	public static final int KIND_CASH = 1;

	/** Kind 2: a fixed amount off once the order reaches a threshold. */
	public static final int KIND_THRESHOLD = 2;

	/** Kind 3: a rate of the price paid, optionally capped. */
	public static final int KIND_RATE = 3;

	/** Status 9: soft-deleted by the back office; its coupons live on. */
	public static final int STATUS_DELETED = 9;

	/**
	 * The row the verifier compares (decision 9): every column but {@code taken_count}
	 * and {@code update_time}, which the monolith changes on every claim (the freeze
	 * checksum leaves them out too); columns the kind does not read are compared as the
	 * mapping stores them (zero, or NULL), and a fixed window's {@code valid_days} as
	 * NULL.
	 * @return the canonical row
	 */
	public CanonicalRow canonical() {
		boolean rate = this.couponKind == KIND_RATE;
		boolean fixed = this.useStart != null;
		return CanonicalRow.of("t_coupon_template", Long.toString(this.id))
			.column("title", this.title)
			.column("coupon_kind", this.couponKind)
			.column("face_value", rate ? BigDecimal.ZERO.setScale(2) : this.faceValue)
			.column("min_order_amt", this.minOrderAmt)
			.column("discount_rate", rate ? this.discountRate : BigDecimal.ZERO.setScale(1))
			.column("max_cut", rate ? this.maxCut : null)
			.column("total_count", this.totalCount)
			.column("per_user_limit", this.perUserLimit)
			.column("grab_start", this.grabStart)
			.column("grab_end", this.grabEnd)
			.column("use_start", this.useStart)
			.column("use_end", fixed ? this.useEnd : null)
			.column("valid_days", fixed ? null : this.validDays)
			.column("status", this.status)
			.column("scope_type", this.scopeType)
			.column("operator", this.operator)
			.column("create_time", this.createTime)
			.build();
	}

}
