package com.couponplatform.migration;

import org.springframework.stereotype.Component;

/**
 * Chooses the side a user's operation goes to: NEW in phase NONE, and the phase's side
 * for everyone in the others until per-user cutover records its own. The choice is only a
 * decision: for a write, the fence row in the store, read in the write's transaction, is
 * what makes it safe.
 */
@Component
public class SideResolver {

	private final MigrationEpochs epochs;

	SideResolver(MigrationEpochs epochs) {
		this.epochs = epochs;
	}

	/**
	 * @param userId the user
	 * @param epoch the epoch the write is decided under
	 * @return the side that should take the write
	 */
	public Side sideOf(long userId, Epoch epoch) {
		return epoch.phase().defaultSide();
	}

	/**
	 * The side that serves a user's operation now, under the process's current epoch.
	 * @param userId the user
	 * @return the side
	 */
	public Side sideOf(long userId) {
		return sideOf(userId, this.epochs.current());
	}

	/**
	 * @param userId the user
	 * @return whether the legacy database serves the user now
	 */
	public boolean onOld(long userId) {
		return sideOf(userId) == Side.OLD;
	}

}
