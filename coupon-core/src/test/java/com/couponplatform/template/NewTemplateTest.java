package com.couponplatform.template;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.couponplatform.targeting.TagFallback;
import com.couponplatform.shared.FieldViolation;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.time.BusinessTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NewTemplateTest {

	private static final BusinessTime SHANGHAI = new BusinessTime(ZoneId.of("Asia/Shanghai"));

	private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

	@Test
	void readsDateOnlyEndsAsTheWholeDayInTheBusinessTimeZone() {
		NewTemplate request = new NewTemplate("Spend 100 save 10", TemplateType.THRESHOLD, 1000L, 10000L, null, null,
				500L, 2, "2026-11-11", "2026-11-11",
				new NewTemplate.ValidityInput("FIXED", "2026-11-11", "2026-11-30", null), null, null, null, null);
		CouponTemplate template = request.validate(1, "ops", NOW, SHANGHAI);
		assertThat(template.claimStart()).isEqualTo(Instant.parse("2026-11-10T16:00:00Z"));
		assertThat(template.claimEnd()).isEqualTo(Instant.parse("2026-11-11T16:00:00Z"));
		assertThat(template.validity()).isEqualTo(
				new Validity.Fixed(Instant.parse("2026-11-10T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z")));
		assertThat(template.status()).isEqualTo(TemplateStatus.DRAFT);
		assertThat(template.perUserLimit()).isEqualTo(2);
		assertThat(template.refundable()).isTrue();
	}

	@Test
	void namesEveryInvalidFieldAtOnce() {
		NewTemplate request = new NewTemplate(" ", TemplateType.THRESHOLD, 2000L, 1000L, null, null, 0L, 0,
				"2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z",
				new NewTemplate.ValidityInput("RELATIVE", null, null, 0), null, null, null, null);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> request.validate(1, "ops", NOW, SHANGHAI))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(FieldViolation::field)
				.containsExactlyInAnyOrder("name", "thresholdAmount", "totalStock", "perUserLimit", "claimEnd",
						"validity.days"));
	}

	@Test
	void refusesAPercentageOutsideOneToHundred() {
		NewTemplate request = new NewTemplate("Big", TemplateType.PERCENTAGE, null, null, 101, 500L, 10L, 1,
				"2026-11-01", "2026-11-02", new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null,
				true);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> request.validate(1, "ops", NOW, SHANGHAI))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(FieldViolation::field)
				.containsExactly("percentOff"));
	}

	@Test
	void refusesAMissingTypeAndValidity() {
		NewTemplate request = new NewTemplate("x", null, 100L, null, null, null, 10L, 1, "2026-11-01", "2026-11-02",
				null, null, null, null, true);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> request.validate(1, "ops", NOW, SHANGHAI))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(FieldViolation::field)
				.containsExactlyInAnyOrder("type", "validity.type"));
	}

	@Test
	void keepsScopeAndTargetingInCanonicalForm() {
		NewTemplate request = new NewTemplate("Targeted", TemplateType.FIXED_AMOUNT, 500L, null, null, null, 10L, 1,
				"2026-11-01", "2026-11-02", new NewTemplate.ValidityInput("RELATIVE", null, null, 7),
				new NewTemplate.ScopeInput(List.of("sku-1", "sku-2"), null, null, List.of("tobacco")),
				"vip and (new_user or not churned)", "ALLOW", true);
		CouponTemplate template = request.validate(1, "ops", NOW, SHANGHAI);
		assertThat(template.scope().covers("sku-1", "food")).isTrue();
		assertThat(template.scope().covers("sku-3", "food")).isFalse();
		assertThat(template.scope().covers("sku-1", "tobacco")).isFalse();
		assertThat(template.targeting().canonical()).isEqualTo("vip AND (new_user OR NOT churned)");
		assertThat(template.tagFallback()).isEqualTo(TagFallback.ALLOW);
	}

	@Test
	void defaultsToEverythingForEveryoneWithDenyFallback() {
		CouponTemplate template = new NewTemplate("Plain", TemplateType.FIXED_AMOUNT, 500L, null, null, null, 10L, 1,
				"2026-11-01", "2026-11-02", new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, null, null,
				null)
			.validate(1, "ops", NOW, SHANGHAI);
		assertThat(template.scope()).isEqualTo(ProductScope.EVERYTHING);
		assertThat(template.targeting()).isNull();
		assertThat(template.tagFallback()).isEqualTo(TagFallback.DENY);
	}

	@Test
	void namesInvalidScopeTargetingAndFallback() {
		NewTemplate request = new NewTemplate("Bad", TemplateType.FIXED_AMOUNT, 500L, null, null, null, 10L, 1,
				"2026-11-01", "2026-11-02", new NewTemplate.ValidityInput("RELATIVE", null, null, 7),
				new NewTemplate.ScopeInput(List.of("a"), List.of("b"), List.of(""), null), "vip AND (", "MAYBE", true);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> request.validate(1, "ops", NOW, SHANGHAI))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(FieldViolation::field)
				.containsExactlyInAnyOrder("scope.skuBlacklist", "scope.categoryWhitelist", "targeting",
						"tagFallback"));
	}

	@Test
	void roundTripsThroughTheRequestAMergePatchAppliesTo() {
		CouponTemplate original = new NewTemplate("Round trip", TemplateType.PERCENTAGE, null, 5000L, 15, 2000L, 99L, 3,
				"2026-11-01T08:00:00Z", "2026-11-20",
				new NewTemplate.ValidityInput("FIXED", "2026-11-01", "2026-12-31", null),
				new NewTemplate.ScopeInput(List.of("b", "a"), null, List.of("food"), null), "vip OR new_user", "ALLOW",
				false)
			.validate(7, "ops", NOW, SHANGHAI);
		CouponTemplate again = NewTemplate.from(original).validate(7, "ops", NOW, SHANGHAI);
		assertThat(again).isEqualTo(original);
	}

}
