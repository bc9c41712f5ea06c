package com.couponplatform.migration;

import com.couponplatform.shared.RetryLaterException;

/**
 * The process's current epoch. Every gateway write is decided under {@link #writable()},
 * and a write its fence refused is decided again under {@link #refresh()}.
 */
public interface MigrationEpochs {

	/**
	 * The epoch this process acts on now; cheap, read on every operation.
	 * @return the epoch
	 */
	Epoch current();

	/**
	 * The epoch a write may be decided under: {@link #current()} while the process knows
	 * it to be fresh.
	 * @return the epoch
	 * @throws RetryLaterException when the process has not been able to read the phase
	 * for longer than its lease, so that the transitions no longer wait for it: it
	 * refuses writes rather than guess
	 */
	default Epoch writable() {
		return current();
	}

	/**
	 * The epoch as stored now, for a write the fence refused: its decision was older than
	 * what the store says.
	 * @return the fresh epoch
	 */
	Epoch refresh();

}
