package com.couponplatform.migration;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhaseTest {

	@Test
	void theBackOfficeIsFrozenFromLegacyUntilDualWriteOff() {
		assertThat(EnumSet.allOf(Phase.class).stream().filter(Phase::freezesBackOffice))
			.containsExactlyElementsOf(EnumSet.range(Phase.LEGACY, Phase.NEW_PRIMARY));
	}

	@Test
	void oldsAutoIncrementAssignsIdsUntilTheGatewayIsItsOnlyWriter() {
		assertThat(EnumSet.allOf(Phase.class).stream().filter(Phase::generatorIdsOnOld))
			.containsExactlyElementsOf(EnumSet.range(Phase.SINGLE_WRITE_OLD, Phase.DUAL_WRITE_OFF));
	}

	@Test
	void theFreezeRefusesOnlyWhileFrozen() {
		BackOfficeFreeze frozen = () -> true;
		BackOfficeFreeze thawed = () -> false;
		thawed.check();
		assertThatThrownBy(frozen::check).isInstanceOf(MigrationFreezeException.class)
			.extracting((ex) -> ((MigrationFreezeException) ex).code().name())
			.isEqualTo("MIGRATION_FREEZE");
	}

}
