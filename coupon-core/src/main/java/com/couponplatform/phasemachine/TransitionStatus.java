package com.couponplatform.phasemachine;

/** Where a transition stands. */
public enum TransitionStatus {

	/** Recorded; the worker does its work, moves the phase, waits for the processes. */
	RUNNING,

	/** The phase is the transition's, and every live process acts on its epoch. */
	DONE,

	/** A precondition failed or the work could not be done; the phase is unchanged. */
	FAILED

}
