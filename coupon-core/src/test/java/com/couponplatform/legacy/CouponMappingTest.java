package com.couponplatform.legacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.CouponStatus;

import static org.assertj.core.api.Assertions.assertThat;

class CouponMappingTest {

	private final LegacyTime time = new LegacyTime(LegacyTime.DEFAULT_ZONE);

	private final TemplateMapping templates = new TemplateMapping(this.time);

	private final CouponMapping mapping = new CouponMapping(this.time);

	@Test
	void nullExpireTimeOfARelativeTemplateEndsItsDaysAfterTheClaimAndStaysNullInOld() {
		Mapping<MigratedTemplate> template = this.templates.toNew(LegacyMother.relativeThresholdTemplate(), List.of(),
				3);
		LegacyCoupon row = LegacyMother.coupon(90001, 18, 0, null);

		Mapping<MigratedCoupon> result = this.mapping.toNew(row, template);

		MigratedCoupon migrated = result.orElseThrow();
		// Claimed 2026-01-03 08:00 in Shanghai = 00:00Z; 30 days later.
		assertThat(migrated.coupon().validUntil()).isEqualTo(Instant.parse("2026-02-02T00:00:00Z"));
		assertThat(result.issues()).extracting(DataIssue::kind).containsExactly(DataIssue.Kind.NULL_EXPIRE_TIME);
		assertThat(this.mapping.toLegacy(migrated).expireTime()).isNull();
	}

	@Test
	void nullExpireTimeOfAFixedTemplateEndsWithItsWindow() {
		Mapping<MigratedTemplate> template = this.templates.toNew(LegacyMother.rateTemplate("8.5", "20.00"), List.of(),
				10);

		MigratedCoupon migrated = this.mapping.toNew(LegacyMother.coupon(90002, 17, 0, null), template).orElseThrow();

		assertThat(migrated.coupon().validUntil()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
	}

	@Test
	void revokedByOperationsIsRevokedAndMapsBackToFour() {
		Mapping<MigratedTemplate> template = this.templates.toNew(LegacyMother.rateTemplate("8.5", "20.00"), List.of(),
				10);
		LegacyCoupon row = LegacyMother.coupon(90003, 17, 4, LegacyMother.NEW_YEAR_2026.plusDays(40));

		MigratedCoupon migrated = this.mapping.toNew(row, template).orElseThrow();

		assertThat(migrated.coupon().status()).isEqualTo(CouponStatus.REVOKED);
		assertThat(migrated.coupon().statusAt(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(CouponStatus.REVOKED);
		assertThat(this.mapping.toLegacy(migrated).state()).isEqualTo(4);
	}

	@Test
	void everyStateAndGetTypeHasItsTwin() {
		assertThat(List.of(0, 1, 2, 3, 4).stream().map(CouponMapping::status)).containsExactly(CouponStatus.UNUSED,
				CouponStatus.LOCKED, CouponStatus.USED, CouponStatus.EXPIRED, CouponStatus.REVOKED);
		assertThat(List.of(1, 2, 3).stream().map(CouponMapping::origin)).containsExactly(CouponOrigin.CLAIM,
				CouponOrigin.ISSUANCE, CouponOrigin.REDEMPTION);
	}

	@Test
	void liveCouponOfASoftDeletedTemplateIsKeptAndReported() {
		Mapping<MigratedTemplate> template = this.templates
			.toNew(LegacyMother.withStatus(LegacyMother.rateTemplate("8.5", "20.00"), 9), List.of(), 10);

		Mapping<MigratedCoupon> result = this.mapping
			.toNew(LegacyMother.coupon(90004, 17, 0, LegacyMother.NEW_YEAR_2026.plusDays(40)), template);

		assertThat(result.orElseThrow().coupon().status()).isEqualTo(CouponStatus.UNUSED);
		assertThat(result.issues()).extracting(DataIssue::kind)
			.containsExactly(DataIssue.Kind.DELETED_TEMPLATE_LIVE_COUPON);
	}

	@Test
	void couponOfAnUnmappableTemplateOrUnknownStateIsNotMapped() {
		Mapping<MigratedTemplate> badRate = this.templates.toNew(LegacyMother.rateTemplate("0.0", "20.00"), List.of(),
				10);
		Mapping<MigratedTemplate> good = this.templates.toNew(LegacyMother.rateTemplate("8.5", "20.00"), List.of(), 10);

		assertThat(this.mapping.toNew(LegacyMother.coupon(1, 17, 0, null), badRate).issues())
			.extracting(DataIssue::kind)
			.containsExactly(DataIssue.Kind.TEMPLATE_NOT_MAPPED);
		assertThat(this.mapping.toNew(LegacyMother.coupon(2, 17, 7, null), good))
			.isInstanceOf(Mapping.Unmappable.class);
	}

	@Test
	void overLimitHoldingKeepsEveryCouponAndTakesEverySlot() {
		List<LegacyCoupon> coupons = List.of(LegacyMother.coupon(5, 17, 0, null), LegacyMother.coupon(3, 17, 2, null),
				LegacyMother.coupon(9, 18, 0, null));

		ClaimSlots slots = ClaimSlots.of(coupons, (templateId) -> 1);

		assertThat(slots.slots()).containsOnly(Map.entry(3L, 1), Map.entry(5L, 2), Map.entry(9L, 1));
		assertThat(slots.issues()).containsExactly(
				new DataIssue(DataIssue.Kind.OVER_LIMIT_HOLDING, "t_user_coupon", "12345/17", "2 claimed, limit 1"));
	}

}
