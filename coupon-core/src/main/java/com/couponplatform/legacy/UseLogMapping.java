package com.couponplatform.legacy;

import java.math.BigDecimal;
import java.util.List;

/**
 * Maps a legacy {@code t_coupon_use_log} row to {@link CouponUsage}, and back: actions 1
 * freeze, 2 use, 3 unfreeze, 4 refund are LOCKED, CONSUMED, RELEASED, REFUNDED.
 */
public final class UseLogMapping {

	private static final String TABLE = "t_coupon_use_log";

	private final LegacyTime time;

	public UseLogMapping(LegacyTime time) {
		this.time = time;
	}

	/**
	 * The platform's usage row of a legacy one.
	 * @param row the legacy row
	 * @return the usage row, or why it cannot be mapped
	 */
	public Mapping<CouponUsage> toNew(LegacyUseLog row) {
		String key = Long.toString(row.id());
		if (row.action() < 1 || row.action() > CouponUsage.Action.values().length) {
			return new Mapping.Unmappable<>(
					List.of(new DataIssue(DataIssue.Kind.UNKNOWN_USE_ACTION, TABLE, key, "action=" + row.action())));
		}
		if (row.amount().signum() < 0 || row.amount().stripTrailingZeros().scale() > 2) {
			return new Mapping.Unmappable<>(
					List.of(new DataIssue(DataIssue.Kind.BAD_AMOUNT, TABLE, key, "amount=" + row.amount())));
		}
		return new Mapping.Mapped<>(new CouponUsage(row.id(), row.uid(), row.userCouponId(), row.orderNo(),
				CouponUsage.Action.values()[row.action() - 1], LegacyMoney.toCents(row.amount()),
				this.time.toInstant(row.createTime())), List.of());
	}

	/**
	 * The legacy row of a usage row.
	 * @param usage the platform's row
	 * @return the legacy row
	 */
	public LegacyUseLog toLegacy(CouponUsage usage) {
		BigDecimal amount = LegacyMoney.toYuan(usage.amount());
		return new LegacyUseLog(usage.id(), usage.userId(), usage.couponId(), usage.orderId(),
				usage.action().ordinal() + 1, amount, this.time.toLocal(usage.createdAt()));
	}

}
