package com.couponplatform.migration;

/**
 * The process's current epoch. Every gateway write is decided under {@link #current()},
 * and a write its fence refused is decided again under {@link #refresh()}.
 */
public interface MigrationEpochs {

	/**
	 * The epoch this process acts on now; cheap, read on every write.
	 * @return the epoch
	 */
	Epoch current();

	/**
	 * The epoch as stored now, for a write the fence refused: its decision was older than
	 * what the store says.
	 * @return the fresh epoch
	 */
	Epoch refresh();

}
