package com.couponplatform.phasemachine;

/**
 * A worker's hold on the transition it runs, renewed while long work goes on, so that
 * another worker takes the transition over only from one that has died.
 */
@FunctionalInterface
interface WorkerLease {

	/**
	 * Renews the hold.
	 * @throws IllegalStateException when another worker holds the transition now
	 */
	void renew();

}
