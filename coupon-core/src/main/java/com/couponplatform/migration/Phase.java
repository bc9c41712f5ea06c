package com.couponplatform.migration;

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

}
