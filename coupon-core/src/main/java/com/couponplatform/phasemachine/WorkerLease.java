package com.couponplatform.phasemachine;

/**
 * A worker's hold on the transition it runs, renewed while long work goes on, so that
 * another worker takes the transition over only from one that has died.
 */
@FunctionalInterface
interface WorkerLease {

	/**
	 * Renews the hold.
	 * @throws LostException when another worker holds the transition now
	 */
	void renew();

	/**
	 * This worker's lease expired (a pause longer than it) and another worker took the
	 * transition over: this one stops, leaving the transition to it.
	 */
	final class LostException extends RuntimeException {

		LostException(long transitionId) {
			super("Another worker holds transition " + transitionId + " now");
		}

	}

}
