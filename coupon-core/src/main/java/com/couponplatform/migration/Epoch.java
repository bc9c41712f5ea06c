package com.couponplatform.migration;

/**
 * The migration's state as a process acts on it: the phase and its epoch, a number that
 * grows with every transition and every per-user cutover, so that a write decided before
 * a change can be told from one decided after it.
 *
 * @param phase the phase
 * @param number the epoch, 0 in phase NONE
 */
public record Epoch(Phase phase, long number) {

	/** No migration: the platform alone, for ever. */
	public static final Epoch NONE = new Epoch(Phase.NONE, 0);

}
