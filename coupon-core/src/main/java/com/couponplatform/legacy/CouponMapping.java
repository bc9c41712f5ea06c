package com.couponplatform.legacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.Validity;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * Maps a legacy {@code t_user_coupon} row to the platform's coupon, and back (reverse
 * replication writes OLD with it), by the rules of docs/migration.md ("The mapping").
 */
public final class CouponMapping {

	/**
	 * The origin key of a migrated coupon: the legacy row had no request ID of its own.
	 */
	public static final String ORIGIN_REF_PREFIX = "legacy:";

	private static final String TABLE = "t_user_coupon";

	private final LegacyTime time;

	public CouponMapping(LegacyTime time) {
		this.time = time;
	}

	/**
	 * The platform's coupon for a legacy one.
	 * @param row the legacy row
	 * @param template what the mapping made of the row's template
	 * @return the coupon, or why it cannot be mapped
	 */
	public Mapping<MigratedCoupon> toNew(LegacyCoupon row, Mapping<MigratedTemplate> template) {
		List<DataIssue> issues = new ArrayList<>();
		String key = Long.toString(row.id());
		CouponStatus status = status(row.state());
		if (status == null) {
			issues.add(new DataIssue(DataIssue.Kind.UNKNOWN_COUPON_STATE, TABLE, key, "state=" + row.state()));
		}
		CouponOrigin origin = origin(row.getType());
		if (origin == null) {
			issues.add(new DataIssue(DataIssue.Kind.UNKNOWN_GET_TYPE, TABLE, key, "get_type=" + row.getType()));
		}
		if (!(template instanceof Mapping.Mapped<MigratedTemplate> mapped)) {
			issues.add(new DataIssue(DataIssue.Kind.TEMPLATE_NOT_MAPPED, TABLE, key, "tpl_id=" + row.tplId()));
			return new Mapping.Unmappable<>(issues);
		}
		if (row.expireTime() == null) {
			issues.add(new DataIssue(DataIssue.Kind.NULL_EXPIRE_TIME, TABLE, key, "get_time=" + row.getTime()));
		}
		if (mapped.value().deleted() && (row.state() == 0 || row.state() == 1)) {
			issues.add(new DataIssue(DataIssue.Kind.DELETED_TEMPLATE_LIVE_COUPON, TABLE, key, "tpl_id=" + row.tplId()));
		}
		if (issues.stream().anyMatch((issue) -> issue.kind().blocking())) {
			return new Mapping.Unmappable<>(issues);
		}
		CouponTemplate source = mapped.value().template();
		Instant claimedAt = this.time.toInstant(row.getTime());
		Validity.Window window = source.validity().windowFor(claimedAt, this.time.zone());
		Instant validUntil = (row.expireTime() != null) ? this.time.toInstant(row.expireTime()) : window.until();
		UserCoupon coupon = new UserCoupon(row.id(), row.uid(), row.tplId(), status, source.rule(), window.from(),
				validUntil, claimedAt, origin, ORIGIN_REF_PREFIX + row.id());
		return new Mapping.Mapped<>(new MigratedCoupon(coupon, row.orderNo(), this.time.toInstant(row.useTime()),
				row.version(), this.time.toInstant(row.updateTime()), row.code(), row.expireTime() == null), issues);
	}

	/**
	 * The legacy row of a coupon.
	 * @param migrated the platform's coupon with its legacy-only fields
	 * @return the legacy row
	 */
	public LegacyCoupon toLegacy(MigratedCoupon migrated) {
		UserCoupon coupon = migrated.coupon();
		int state = switch (coupon.status()) {
			case UNUSED -> 0;
			case LOCKED -> 1;
			case USED -> 2;
			case EXPIRED -> 3;
			case REVOKED -> 4;
		};
		int getType = switch (coupon.origin()) {
			case CLAIM, BATCH_CLAIM -> 1;
			case ISSUANCE -> 2;
			case REDEMPTION -> 3;
			case MIGRATION -> throw new IllegalArgumentException(
					"coupon " + coupon.id() + ": the mapping gives migrated coupons the origin of their get_type");
		};
		String code = migrated.codeAsTyped();
		if (code == null && coupon.origin() == CouponOrigin.REDEMPTION
				&& !coupon.originRef().startsWith(ORIGIN_REF_PREFIX)) {
			// Redeemed on the platform: its origin key is the normalised code.
			code = coupon.originRef();
		}
		return new LegacyCoupon(coupon.id(), coupon.userId(), coupon.templateId(), state, getType,
				this.time.toLocal(coupon.claimedAt()),
				migrated.expireTimeUnset() ? null : this.time.toLocal(coupon.validUntil()), migrated.orderId(),
				this.time.toLocal(migrated.usedAt()), code, migrated.version(),
				this.time.toLocal(migrated.updatedAt()));
	}

	static CouponStatus status(int state) {
		return switch (state) {
			case 0 -> CouponStatus.UNUSED;
			case 1 -> CouponStatus.LOCKED;
			case 2 -> CouponStatus.USED;
			case 3 -> CouponStatus.EXPIRED;
			case 4 -> CouponStatus.REVOKED;
			default -> null;
		};
	}

	static CouponOrigin origin(int getType) {
		return switch (getType) {
			case 1 -> CouponOrigin.CLAIM;
			case 2 -> CouponOrigin.ISSUANCE;
			case 3 -> CouponOrigin.REDEMPTION;
			default -> null;
		};
	}

}
