package com.couponplatform.migration;

import org.springframework.stereotype.Component;

/**
 * Chooses the side a user's write goes to under an epoch: NEW in phase NONE, and the
 * phase's side for everyone in the others until per-user cutover records its own. The
 * choice is only a decision: the fence row in the store, read in the write's transaction,
 * is what makes it safe.
 */
@Component
public class SideResolver {

	/**
	 * @param userId the user
	 * @param epoch the epoch the write is decided under
	 * @return the side that should take the write
	 */
	public Side sideOf(long userId, Epoch epoch) {
		return epoch.phase().defaultSide();
	}

}
