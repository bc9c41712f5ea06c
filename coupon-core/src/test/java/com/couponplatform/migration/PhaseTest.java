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

	@Test
	void aTransitionGoesOneStepForwardOrToThePhasesRollback() {
		assertThat(Phase.NONE.transitions()).isEmpty();
		assertThat(Phase.LEGACY.transitions()).containsExactly(Phase.STATIC_FROZEN);
		assertThat(Phase.STATIC_FROZEN.transitions()).containsExactly(Phase.SINGLE_WRITE_OLD, Phase.LEGACY);
		assertThat(Phase.SINGLE_WRITE_OLD.transitions()).containsExactly(Phase.STATIC_COPIED, Phase.STATIC_FROZEN);
		assertThat(Phase.STATIC_COPIED.transitions()).containsExactly(Phase.DUAL_WRITE, Phase.SINGLE_WRITE_OLD);
		// BACKFILL's and VERIFIED's rollback skips DUAL_WRITE: the relay stops with NEW's
		// dynamic data removed.
		assertThat(Phase.BACKFILL.rollback()).contains(Phase.STATIC_COPIED);
		assertThat(Phase.VERIFIED.rollback()).contains(Phase.STATIC_COPIED);
		assertThat(Phase.NEW_PRIMARY.transitions()).containsExactly(Phase.DUAL_WRITE_OFF, Phase.WRITE_GRAY);
		assertThat(Phase.DUAL_WRITE_OFF.transitions()).as("the point of no return").isEmpty();
		for (Phase phase : Phase.values()) {
			phase.next().ifPresent((next) -> assertThat(next.ordinal()).isEqualTo(phase.ordinal() + 1));
			phase.rollback().ifPresent((back) -> assertThat(back).isLessThan(phase));
		}
	}

	@Test
	void theGatewayJournalsOldsRowsFromTheFreezeOn() {
		assertThat(EnumSet.allOf(Phase.class).stream().filter(Phase::journalsOldWrites))
			.containsExactlyElementsOf(EnumSet.range(Phase.STATIC_FROZEN, Phase.NEW_PRIMARY));
	}

	@Test
	void oldsWritesReplicateToNewFromDualWriteUntilEveryUserIsOnNew() {
		assertThat(EnumSet.allOf(Phase.class).stream().filter(Phase::replicatesToNew))
			.containsExactlyElementsOf(EnumSet.range(Phase.DUAL_WRITE, Phase.WRITE_GRAY));
	}

}
