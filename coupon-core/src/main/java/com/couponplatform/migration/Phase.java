package com.couponplatform.migration;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The migration's phases, in their forward order (MIGRATION.md, "Phases").
 */
public enum Phase {

	/** No legacy database configured: the platform is NEW only, and nothing is fenced. */
	NONE,

	LEGACY, STATIC_FROZEN, SINGLE_WRITE_OLD, STATIC_COPIED, DUAL_WRITE, BACKFILL, VERIFIED, READ_GRAY, WRITE_GRAY,
	NEW_PRIMARY, DUAL_WRITE_OFF;

	/**
	 * Whether writes read the user's fence row: in every phase but NONE, where no other
	 * side exists.
	 * @return whether writes are fenced
	 */
	public boolean fenced() {
		return this != NONE;
	}

	/**
	 * Whether the back office may not change templates, scopes, the blacklist, codes or
	 * jobs (decision 5): from LEGACY, where the monolith still owns them, until
	 * DUAL_WRITE_OFF, after which NEW alone does.
	 * @return whether back-office changes are refused
	 */
	public boolean freezesBackOffice() {
		return this != NONE && this != DUAL_WRITE_OFF;
	}

	/**
	 * Whether the gateway gives a new legacy row its ID (decision 2): from
	 * SINGLE_WRITE_OLD on, when the gateway is OLD's only writer, every insert carries a
	 * generator ID; before, while the monolith may still insert, OLD's AUTO_INCREMENT
	 * assigns it.
	 * @return whether new legacy rows carry a generator ID
	 */
	public boolean generatorIdsOnOld() {
		return this.compareTo(SINGLE_WRITE_OLD) >= 0;
	}

	/**
	 * The side of a user who has no fence row of their own: OLD until every user is on
	 * NEW. In WRITE_GRAY a user cut over has a row saying NEW.
	 * @return the side
	 */
	public Side defaultSide() {
		return (this == NONE || this.compareTo(NEW_PRIMARY) >= 0) ? Side.NEW : Side.OLD;
	}

	/**
	 * The phase one step forward, if any: the only forward transition (a phase is never
	 * skipped).
	 * @return the next phase, empty in NONE and DUAL_WRITE_OFF
	 */
	public Optional<Phase> next() {
		if (this == NONE || this == DUAL_WRITE_OFF) {
			return Optional.empty();
		}
		return Optional.of(values()[ordinal() + 1]);
	}

	/**
	 * Where this phase's rollback lands (MIGRATION.md, "Phases"): the earlier phase whose
	 * state is whole again once the rollback's work is undone.
	 * @return the phase, empty where there is no way back (NONE, LEGACY, DUAL_WRITE_OFF)
	 */
	public Optional<Phase> rollback() {
		return Optional.ofNullable(switch (this) {
			case STATIC_FROZEN -> LEGACY;
			case SINGLE_WRITE_OLD -> STATIC_FROZEN;
			case STATIC_COPIED -> SINGLE_WRITE_OLD;
			case DUAL_WRITE, BACKFILL, VERIFIED -> STATIC_COPIED;
			case READ_GRAY -> VERIFIED;
			case WRITE_GRAY -> READ_GRAY;
			case NEW_PRIMARY -> WRITE_GRAY;
			default -> null;
		});
	}

	/**
	 * @return the phases a transition may go to from this one: one step forward, or its
	 * rollback
	 */
	public List<Phase> transitions() {
		return Stream.concat(next().stream(), rollback().stream()).toList();
	}

	/**
	 * Whether every gateway write on OLD also appends its change to OLD's outbox, for the
	 * applier to copy into NEW (invariant 4): from DUAL_WRITE until every user is on NEW.
	 * @return whether OLD's writes replicate to NEW
	 */
	public boolean replicatesToNew() {
		return this.compareTo(DUAL_WRITE) >= 0 && this.compareTo(NEW_PRIMARY) < 0;
	}

	/**
	 * Whether the gateway journals every legacy row it writes (the single-writer proof
	 * explains OLD's changes by it): from STATIC_FROZEN, the phase the proof is taken in,
	 * for as long as OLD takes the gateway's writes.
	 * @return whether OLD's writes are journalled
	 */
	public boolean journalsOldWrites() {
		return this.compareTo(STATIC_FROZEN) >= 0 && this.compareTo(DUAL_WRITE_OFF) < 0;
	}

}
