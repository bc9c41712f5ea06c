package com.couponplatform.template;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.couponplatform.targeting.TagFallback;

class TemplateLifecycleTest {

	private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

	private static final Instant END = Instant.parse("2026-11-02T00:00:00Z");

	@Test
	void allowsOnlyTheLegalTransitions() {
		assertThat(TemplateStatus.DRAFT.canMoveTo(TemplateStatus.ACTIVE)).isTrue();
		assertThat(TemplateStatus.ACTIVE.canMoveTo(TemplateStatus.PAUSED)).isTrue();
		assertThat(TemplateStatus.PAUSED.canMoveTo(TemplateStatus.ACTIVE)).isTrue();
		assertThat(TemplateStatus.PAUSED.canMoveTo(TemplateStatus.ENDED)).isTrue();
		assertThat(TemplateStatus.DRAFT.canMoveTo(TemplateStatus.PAUSED)).isFalse();
		assertThat(TemplateStatus.ACTIVE.canMoveTo(TemplateStatus.DRAFT)).isFalse();
		assertThat(TemplateStatus.ENDED.canMoveTo(TemplateStatus.ACTIVE)).isFalse();
	}

	@Test
	void publishingAnActiveTemplateIsAnIllegalTransition() {
		CouponTemplate active = template(TemplateStatus.ACTIVE);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> active.moveTo(TemplateStatus.ACTIVE, START));
	}

	@Test
	void publishingBumpsTheVersion() {
		CouponTemplate published = template(TemplateStatus.DRAFT).moveTo(TemplateStatus.ACTIVE, END);
		assertThat(published.status()).isEqualTo(TemplateStatus.ACTIVE);
		assertThat(published.version()).isEqualTo(1);
		assertThat(published.updatedAt()).isEqualTo(END);
	}

	@Test
	void isClaimableOnlyWhenActiveAndInsideItsWindow() {
		CouponTemplate active = template(TemplateStatus.ACTIVE);
		active.checkClaimableAt(START);
		assertThatExceptionOfType(ClaimWindowClosedException.class).isThrownBy(() -> active.checkClaimableAt(END));
		assertThatExceptionOfType(ClaimWindowClosedException.class)
			.isThrownBy(() -> active.checkClaimableAt(START.minusMillis(1)));
		assertThatExceptionOfType(TemplateNotActiveException.class)
			.isThrownBy(() -> template(TemplateStatus.DRAFT).checkClaimableAt(START));
	}

	private static CouponTemplate template(TemplateStatus status) {
		return new CouponTemplate(1, "t", new DiscountRule(TemplateType.FIXED_AMOUNT, 100L, null, null, null), 10, 0, 1,
				START, END, new Validity.Relative(3), ProductScope.EVERYTHING, null, TagFallback.DENY, true, status, 0,
				"ops", START, START);
	}

}
