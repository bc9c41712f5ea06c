package com.couponplatform.gateway;

import com.couponplatform.migration.Epoch;
import com.couponplatform.migration.Side;

/**
 * What a write was decided as, before its transaction: for which side, under which epoch.
 *
 * @param side the side the write goes to
 * @param epoch the epoch it was decided under
 */
record WriteDecision(Side side, Epoch epoch) {

	/**
	 * Whether a user's fence lets this decision write.
	 * @param fenceSide the side the fence row names (or the phase's, without a row)
	 * @param fenceEpoch the epoch the user's side was set under (0 without a row)
	 * @return {@code true} when it is for the user's side and no older than the side
	 */
	boolean admittedBy(Side fenceSide, long fenceEpoch) {
		return this.side == fenceSide && fenceEpoch <= this.epoch.number();
	}

}
