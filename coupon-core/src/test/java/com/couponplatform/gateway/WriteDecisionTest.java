package com.couponplatform.gateway;

import org.junit.jupiter.api.Test;

import com.couponplatform.migration.Epoch;
import com.couponplatform.migration.Phase;
import com.couponplatform.migration.Side;

import static org.assertj.core.api.Assertions.assertThat;

class WriteDecisionTest {

	private final WriteDecision newUnderFive = new WriteDecision(Side.NEW, new Epoch(Phase.WRITE_GRAY, 5));

	@Test
	void aFenceOfTheSameSideSetUnderThisEpochOrEarlierAdmitsTheWrite() {
		assertThat(this.newUnderFive.admittedBy(Side.NEW, 5)).isTrue();
		assertThat(this.newUnderFive.admittedBy(Side.NEW, 0)).isTrue();
	}

	@Test
	void aFenceSetUnderANewerEpochOrForTheOtherSideRefusesIt() {
		assertThat(this.newUnderFive.admittedBy(Side.NEW, 6)).isFalse();
		assertThat(this.newUnderFive.admittedBy(Side.OLD, 5)).isFalse();
		assertThat(this.newUnderFive.admittedBy(Side.OLD, 1)).isFalse();
	}

	@Test
	void usersWithoutAFenceRowAreOnOldUntilEveryoneIsOnNew() {
		assertThat(Phase.NONE.defaultSide()).isEqualTo(Side.NEW);
		assertThat(Phase.NONE.fenced()).isFalse();
		for (Phase phase : Phase.values()) {
			if (phase != Phase.NONE) {
				assertThat(phase.fenced()).as(phase.name()).isTrue();
				assertThat(phase.defaultSide()).as(phase.name())
					.isEqualTo((phase.compareTo(Phase.NEW_PRIMARY) >= 0) ? Side.NEW : Side.OLD);
			}
		}
		assertThat(Phase.WRITE_GRAY.defaultSide()).isEqualTo(Side.OLD);
		assertThat(Phase.NEW_PRIMARY.defaultSide()).isEqualTo(Side.NEW);
	}

}
