package com.couponplatform.legacy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.couponplatform.template.Discount;
import com.couponplatform.template.TemplateStatus;
import com.couponplatform.template.TemplateType;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateMappingTest {

	private final TemplateMapping mapping = new TemplateMapping(new LegacyTime(LegacyTime.DEFAULT_ZONE));

	@Test
	void rateOfEightPointFiveIsFifteenPercentOffCappedInCents() {
		MigratedTemplate migrated = this.mapping.toNew(LegacyMother.rateTemplate("8.5", "20.00"), List.of(), 10)
			.orElseThrow();

		assertThat(migrated.template().rule().type()).isEqualTo(TemplateType.PERCENTAGE);
		assertThat(migrated.template().rule().percentOff()).isEqualTo(15);
		assertThat(migrated.template().rule().maxDiscountAmount()).isEqualTo(2000);
		assertThat(migrated.template().rule().discountFor(100_00)).isEqualTo(new Discount.Applied(15_00));
		assertThat(migrated.template().rule().discountFor(1000_00)).isEqualTo(new Discount.Applied(20_00));
	}

	@Test
	void rateWithoutCapIsAnUncappedPercentageAndMapsBackToNull() {
		MigratedTemplate migrated = this.mapping.toNew(LegacyMother.rateTemplate("9.0", null), List.of(), 10)
			.orElseThrow();

		assertThat(migrated.template().rule().maxDiscountAmount()).isNull();
		assertThat(migrated.template().rule().discountFor(1_000_000_00)).isEqualTo(new Discount.Applied(100_000_00));
		assertThat(this.mapping.toLegacy(migrated).maxCut()).isNull();
	}

	@Test
	void rateOfZeroOrTenIsReportedAndNoDiscountInvented() {
		for (String rate : List.of("0.0", "10.0")) {
			Mapping<MigratedTemplate> result = this.mapping.toNew(LegacyMother.rateTemplate(rate, "20.00"), List.of(),
					10);

			assertThat(result).isInstanceOf(Mapping.Unmappable.class);
			assertThat(result.issues()).singleElement()
				.satisfies((issue) -> assertThat(issue).isEqualTo(new DataIssue(DataIssue.Kind.BAD_DISCOUNT_RATE,
						"t_coupon_template", "17", "discount_rate=" + rate)));
		}
	}

	@Test
	void localTimesAreReadInShanghaiAsUtcInstants() {
		MigratedTemplate migrated = this.mapping.toNew(LegacyMother.rateTemplate("8.5", "20.00"), List.of(), 10)
			.orElseThrow();

		assertThat(migrated.template().claimStart()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void softDeletedTemplateIsEndedAndMapsBackToNine() {
		MigratedTemplate migrated = this.mapping
			.toNew(LegacyMother.withStatus(LegacyMother.rateTemplate("8.5", "20.00"), 9), List.of(), 10)
			.orElseThrow();
		MigratedTemplate offline = this.mapping
			.toNew(LegacyMother.withStatus(LegacyMother.rateTemplate("8.5", "20.00"), 3), List.of(), 10)
			.orElseThrow();

		assertThat(migrated.template().status()).isEqualTo(TemplateStatus.ENDED);
		assertThat(this.mapping.toLegacy(migrated).status()).isEqualTo(9);
		assertThat(this.mapping.toLegacy(offline).status()).isEqualTo(3);
	}

	@Test
	void perUserLimitZeroIsBoundedByTheStockAndReported() {
		Mapping<MigratedTemplate> result = this.mapping
			.toNew(LegacyMother.withPerUserLimit(LegacyMother.rateTemplate("8.5", "20.00"), 0), List.of(), 10);

		MigratedTemplate migrated = result.orElseThrow();
		assertThat(migrated.template().perUserLimit()).isEqualTo(1000);
		assertThat(result.issues()).extracting(DataIssue::kind).containsExactly(DataIssue.Kind.NO_PER_USER_LIMIT);
		assertThat(this.mapping.toLegacy(migrated).perUserLimit()).isZero();
	}

	@Test
	void issuedComesFromTheRowsAndADriftingTakenCountIsReported() {
		Mapping<MigratedTemplate> result = this.mapping.toNew(LegacyMother.rateTemplate("8.5", "20.00"), List.of(), 7);

		assertThat(result.orElseThrow().template().issued()).isEqualTo(7);
		assertThat(result.issues()).containsExactly(
				new DataIssue(DataIssue.Kind.TAKEN_COUNT_DRIFT, "t_coupon_template", "17", "taken_count=10 rows=7"));
	}

	@Test
	void relativeThresholdTemplateKeepsItsDaysAndAmounts() {
		MigratedTemplate migrated = this.mapping.toNew(LegacyMother.relativeThresholdTemplate(), List.of(), 3)
			.orElseThrow();

		assertThat(migrated.template().rule().discountAmount()).isEqualTo(10_00);
		assertThat(migrated.template().rule().thresholdAmount()).isEqualTo(100_00);
		assertThat(this.mapping.toLegacy(migrated).canonical())
			.isEqualTo(LegacyMother.relativeThresholdTemplate().canonical());
	}

	@Test
	void listedGoodsScopeIsASkuWhitelistAndRowsOfTheOtherTypeAreReported() {
		LegacyTemplate row = LegacyMother.withScopeType(LegacyMother.rateTemplate("8.5", "20.00"), 1);
		List<LegacyScopeRef> refs = List.of(new LegacyScopeRef(1, 17, LegacyScopeRef.GOODS, "sku-1"),
				new LegacyScopeRef(2, 17, LegacyScopeRef.CATEGORY, "cat-9"));

		Mapping<MigratedTemplate> result = this.mapping.toNew(row, refs, 10);

		assertThat(result.orElseThrow().template().scope().skuWhitelist()).containsExactly("sku-1");
		assertThat(result.issues()).extracting(DataIssue::kind).containsExactly(DataIssue.Kind.IGNORED_SCOPE_REF);
	}

	@Test
	void onlyListedWithNothingListedCannotBeMapped() {
		LegacyTemplate row = LegacyMother.withScopeType(LegacyMother.rateTemplate("8.5", "20.00"), 3);

		assertThat(this.mapping.toNew(row, List.of(), 10)).isInstanceOf(Mapping.Unmappable.class);
	}

}
