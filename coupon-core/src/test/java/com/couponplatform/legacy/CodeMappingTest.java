package com.couponplatform.legacy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeMappingTest {

	private final CodeMapping mapping = new CodeMapping(new LegacyTime(LegacyTime.DEFAULT_ZONE));

	@Test
	void mixedCaseCodeWithDashesIsStoredNormalisedAndKeptAsTyped() {
		MigratedCode code = this.mapping.toNew(new LegacyCode("sp-ring-2o19", 17, "B1", 0, null, null), 7)
			.orElseThrow();

		assertThat(code.code()).isEqualTo("SPR1NG2019");
		assertThat(code.codeAsTyped()).isEqualTo("sp-ring-2o19");
		assertThat(code.usesLeft()).isEqualTo(1);
	}

	@Test
	void exchangedCodeKeepsItsUserAndTimeAndVoidHasNoUseLeft() {
		MigratedCode exchanged = this.mapping
			.toNew(new LegacyCode("AB12", 17, "B1", 1, 12345L, LegacyMother.NEW_YEAR_2026), 7)
			.orElseThrow();
		MigratedCode voided = this.mapping.toNew(new LegacyCode("AB13", 17, "B1", 2, null, null), 7).orElseThrow();

		assertThat(exchanged.redeemedBy()).isEqualTo(12345L);
		assertThat(exchanged.redeemedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(voided.usesLeft()).isZero();
		assertThat(this.mapping.toLegacy(voided, new LegacyCodeBatch("B1", 17)).state()).isEqualTo(2);
	}

	@Test
	void exchangedByNobodyIsNotMapped() {
		assertThat(this.mapping.toNew(new LegacyCode("AB12", 17, "B1", 1, null, null), 7).issues())
			.extracting(DataIssue::kind)
			.containsExactly(DataIssue.Kind.BAD_CODE);
	}

	@Test
	void theLaterOfTwoCodesThatNormaliseAlikeIsReported() {
		List<LegacyCode> codes = List.of(new LegacyCode("ab-12", 17, "B2", 0, null, null),
				new LegacyCode("AB12", 17, "B1", 0, null, null), new LegacyCode("CD34", 17, "B1", 0, null, null));

		assertThat(CodeCollisions.laterDuplicates(codes)).containsExactly(new DataIssue(
				DataIssue.Kind.DUPLICATE_NORMALISED_CODE, "t_coupon_code", "ab-12", "normalises to AB12 like AB12"));
	}

}
