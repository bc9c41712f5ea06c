package com.couponplatform.migration;

/**
 * Whether a migration freezes the back office now (decision 5): its changes are refused
 * with 409 {@code MIGRATION_FREEZE}, and its screens say so and disable their buttons.
 * Reads use the process's current epoch, so the answer is as fresh as the phase.
 */
@FunctionalInterface
public interface BackOfficeFreeze {

	/**
	 * @return whether back-office changes are refused now
	 */
	boolean frozen();

	/**
	 * Refuses a change while frozen.
	 * @throws MigrationFreezeException when the back office is frozen
	 */
	default void check() {
		if (frozen()) {
			throw new MigrationFreezeException();
		}
	}

}
