package com.couponplatform.legacy;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Legacy rows for the quirk tests: a plain online template and coupon, changed one column
 * at a time.
 */
final class LegacyMother {

	static final LocalDateTime NEW_YEAR_2026 = LocalDateTime.of(2026, 1, 1, 8, 0);

	private LegacyMother() {
	}

	/** Kind 3, 8.5 (15% off) capped at 20.00 yuan, fixed window through 2026, online. */
	static LegacyTemplate rateTemplate(String rate, String maxCut) {
		return new LegacyTemplate(17, "Spring sale", LegacyTemplate.KIND_RATE, new BigDecimal("0.00"),
				new BigDecimal("0.00"), new BigDecimal(rate), (maxCut != null) ? new BigDecimal(maxCut) : null, 1000,
				10, 1, NEW_YEAR_2026, NEW_YEAR_2026.plusMonths(1), NEW_YEAR_2026, NEW_YEAR_2026.plusYears(1), null, 1,
				0, "ops", NEW_YEAR_2026.minusDays(1), NEW_YEAR_2026);
	}

	/** Kind 2: spend 100.00, save 10.00, valid 30 days after the claim. */
	static LegacyTemplate relativeThresholdTemplate() {
		return new LegacyTemplate(18, "Spend 100 save 10", LegacyTemplate.KIND_THRESHOLD, new BigDecimal("10.00"),
				new BigDecimal("100.00"), new BigDecimal("0.0"), null, 500, 3, 1, NEW_YEAR_2026,
				NEW_YEAR_2026.plusMonths(1), null, null, 30, 1, 0, "ops", NEW_YEAR_2026.minusDays(1), NEW_YEAR_2026);
	}

	static LegacyTemplate withStatus(LegacyTemplate row, int status) {
		return new LegacyTemplate(row.id(), row.title(), row.couponKind(), row.faceValue(), row.minOrderAmt(),
				row.discountRate(), row.maxCut(), row.totalCount(), row.takenCount(), row.perUserLimit(),
				row.grabStart(), row.grabEnd(), row.useStart(), row.useEnd(), row.validDays(), status, row.scopeType(),
				row.operator(), row.createTime(), row.updateTime());
	}

	static LegacyTemplate withPerUserLimit(LegacyTemplate row, int limit) {
		return new LegacyTemplate(row.id(), row.title(), row.couponKind(), row.faceValue(), row.minOrderAmt(),
				row.discountRate(), row.maxCut(), row.totalCount(), row.takenCount(), limit, row.grabStart(),
				row.grabEnd(), row.useStart(), row.useEnd(), row.validDays(), row.status(), row.scopeType(),
				row.operator(), row.createTime(), row.updateTime());
	}

	static LegacyTemplate withScopeType(LegacyTemplate row, int scopeType) {
		return new LegacyTemplate(row.id(), row.title(), row.couponKind(), row.faceValue(), row.minOrderAmt(),
				row.discountRate(), row.maxCut(), row.totalCount(), row.takenCount(), row.perUserLimit(),
				row.grabStart(), row.grabEnd(), row.useStart(), row.useEnd(), row.validDays(), row.status(), scopeType,
				row.operator(), row.createTime(), row.updateTime());
	}

	static LegacyCoupon coupon(long id, long tplId, int state, LocalDateTime expireTime) {
		return new LegacyCoupon(id, 12345, tplId, state, 1, NEW_YEAR_2026.plusDays(2), expireTime, null, null, null, 0,
				NEW_YEAR_2026.plusDays(2));
	}

}
