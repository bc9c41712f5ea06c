package com.couponplatform.phasemachine;

import java.time.Instant;
import java.util.List;

import com.couponplatform.migration.Phase;

/**
 * A transition from one phase to another, as recorded.
 *
 * @param id its ID
 * @param from the phase it leaves
 * @param to the phase it enters
 * @param fromEpoch the epoch it leaves; it enters the next one
 * @param status where it stands
 * @param requestedBy the back-office user, or {@code cli}
 * @param requestedAt when it was requested
 * @param finishedAt when it ended, or {@code null}
 * @param preconditions every precondition checked so far
 * @param detail what it is doing, or why it failed
 */
public record Transition(long id, Phase from, Phase to, long fromEpoch, TransitionStatus status, String requestedBy,
		Instant requestedAt, Instant finishedAt, List<Precondition> preconditions, String detail) {

	public Transition {
		preconditions = List.copyOf(preconditions);
	}

	/**
	 * @return the epoch the transition's phase is entered under
	 */
	public long toEpoch() {
		return this.fromEpoch + 1;
	}

	/**
	 * @return whether it goes back to an earlier phase
	 */
	public boolean rollback() {
		return this.to.compareTo(this.from) < 0;
	}

}
