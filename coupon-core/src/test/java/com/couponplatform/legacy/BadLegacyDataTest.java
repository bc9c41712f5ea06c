package com.couponplatform.legacy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each kind of bad legacy data is reported with its row's key and leaves the row
 * unmapped, rather than mapped to a value the legacy row did not say.
 */
class BadLegacyDataTest {

	private final LegacyTime time = new LegacyTime(LegacyTime.DEFAULT_ZONE);

	private final TemplateMapping templates = new TemplateMapping(this.time);

	@Test
	void unknownCouponKindIsReported() {
		assertRefused(template(4, 1, 0, 1, 30, "10.00"), DataIssue.Kind.UNKNOWN_COUPON_KIND);
	}

	@Test
	void unknownTemplateStatusIsReported() {
		assertRefused(template(1, 5, 0, 1, 30, "10.00"), DataIssue.Kind.UNKNOWN_TEMPLATE_STATUS);
	}

	@Test
	void unknownScopeTypeIsReported() {
		assertRefused(template(1, 1, 7, 1, 30, "10.00"), DataIssue.Kind.UNKNOWN_SCOPE_TYPE);
	}

	@Test
	void negativePerUserLimitIsReported() {
		assertRefused(template(1, 1, 0, -1, 30, "10.00"), DataIssue.Kind.BAD_PER_USER_LIMIT);
	}

	@Test
	void negativeFaceValueIsReported() {
		assertRefused(template(1, 1, 0, 1, 30, "-1.00"), DataIssue.Kind.BAD_AMOUNT);
	}

	@Test
	void validityThatIsNeitherAWindowNorDaysIsReported() {
		// No use_start, no use_end, no valid_days.
		assertRefused(template(1, 1, 0, 1, null, "10.00"), DataIssue.Kind.BAD_VALIDITY);
		// A window without its end.
		LegacyTemplate halfWindow = LegacyMother.rateTemplate("8.5", "20.00");
		assertRefused(new LegacyTemplate(halfWindow.id(), halfWindow.title(), halfWindow.couponKind(),
				halfWindow.faceValue(), halfWindow.minOrderAmt(), halfWindow.discountRate(), halfWindow.maxCut(),
				halfWindow.totalCount(), halfWindow.takenCount(), halfWindow.perUserLimit(), halfWindow.grabStart(),
				halfWindow.grabEnd(), halfWindow.useStart(), null, 30, halfWindow.status(), halfWindow.scopeType(),
				halfWindow.operator(), halfWindow.createTime(), halfWindow.updateTime()), DataIssue.Kind.BAD_VALIDITY);
	}

	@Test
	void unknownGetTypeIsReported() {
		Mapping<MigratedTemplate> template = this.templates.toNew(LegacyMother.relativeThresholdTemplate(), List.of(),
				3);
		LegacyCoupon row = new LegacyCoupon(7, 12345, 18, 0, 9, LegacyMother.NEW_YEAR_2026, null, null, null, null, 0,
				LegacyMother.NEW_YEAR_2026);

		Mapping<MigratedCoupon> result = new CouponMapping(this.time).toNew(row, template);

		assertThat(result).isInstanceOf(Mapping.Unmappable.class);
		assertThat(result.issues())
			.contains(new DataIssue(DataIssue.Kind.UNKNOWN_GET_TYPE, "t_user_coupon", "7", "get_type=9"));
	}

	@Test
	void unknownUseActionAndNegativeAmountAreReported() {
		UseLogMapping useLogs = new UseLogMapping(this.time);

		assertThat(useLogs.toNew(new LegacyUseLog(3, 12345, 7, "O1", 5, BigDecimal.ONE, LegacyMother.NEW_YEAR_2026))
			.issues())
			.containsExactly(new DataIssue(DataIssue.Kind.UNKNOWN_USE_ACTION, "t_coupon_use_log", "3", "action=5"));
		assertThat(useLogs
			.toNew(new LegacyUseLog(4, 12345, 7, "O1", 2, new BigDecimal("-0.01"), LegacyMother.NEW_YEAR_2026))
			.issues()).extracting(DataIssue::kind).containsExactly(DataIssue.Kind.BAD_AMOUNT);
	}

	@Test
	void anUnmappableResultNeedsABlockingIssue() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new Mapping.Unmappable<>(
					List.of(new DataIssue(DataIssue.Kind.NULL_EXPIRE_TIME, "t_user_coupon", "1", ""))));
	}

	/** A relative-validity template of the given kind and fields, no fixed window. */
	private static LegacyTemplate template(int kind, int status, int scopeType, int perUserLimit, Integer validDays,
			String face) {
		LegacyTemplate base = LegacyMother.relativeThresholdTemplate();
		return new LegacyTemplate(base.id(), base.title(), kind, new BigDecimal(face), BigDecimal.ZERO.setScale(2),
				BigDecimal.ZERO.setScale(1), null, base.totalCount(), base.takenCount(), perUserLimit, base.grabStart(),
				base.grabEnd(), null, null, validDays, status, scopeType, base.operator(), base.createTime(),
				base.updateTime());
	}

	private void assertRefused(LegacyTemplate row, DataIssue.Kind kind) {
		Mapping<MigratedTemplate> result = this.templates.toNew(row, List.of(), row.takenCount());

		assertThat(result).isInstanceOf(Mapping.Unmappable.class);
		assertThat(result.issues()).extracting(DataIssue::kind).containsExactly(kind);
		assertThat(result.issues()).allSatisfy((issue) -> assertThat(issue.key()).isEqualTo(Long.toString(row.id())));
	}

}
