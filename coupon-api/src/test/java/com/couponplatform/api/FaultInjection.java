package com.couponplatform.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.couponplatform.claim.ClaimFaultPoint;
import com.couponplatform.redemption.RedemptionFaultPoint;

/**
 * Faults between a claim's Redis gate and its database write, chosen by the request ID so
 * every other test's claims pass untouched: {@code boom-…} throws; {@code stall-…} stalls
 * its first call long enough for a client to time out and retry; {@code kill-…} (after
 * the gate) and {@code killstock-…} (after the guarded counter, before the row) say
 * {@value #AT_KILL_POINT} on standard output and hold the thread until the process is
 * killed, in a {@link ClaimWorker} process.
 */
@TestConfiguration(proxyBeanMethods = false)
class FaultInjection {

	static final long STALL_MILLIS = 3000;

	static final String AT_KILL_POINT = "claim-worker: at the kill point";

	/** Set in the worker process only: a test JVM's own claims never hang. */
	static final String KILL_POINT_ENABLED = "coupon.test.kill-point";

	private final Set<String> stalled = ConcurrentHashMap.newKeySet();

	@Bean
	ClaimFaultPoint injectedClaimFaults() {
		return new ClaimFaultPoint() {

			@Override
			public void afterGate(long userId, long templateId, String requestId) {
				if (requestId.startsWith("boom-")) {
					throw new IllegalStateException("Injected fault after the gate");
				}
				if (requestId.startsWith("stall-") && FaultInjection.this.stalled.add(requestId)) {
					pause(STALL_MILLIS);
				}
				if (requestId.startsWith("kill-")) {
					holdUntilKilled();
				}
			}

			@Override
			public void afterStock(long userId, long templateId, String requestId) {
				if (requestId.startsWith("killstock-")) {
					holdUntilKilled();
				}
			}

		};
	}

	private static void holdUntilKilled() {
		if (Boolean.getBoolean(KILL_POINT_ENABLED)) {
			System.out.println(AT_KILL_POINT);
			System.out.flush();
			pause(Long.MAX_VALUE);
		}
	}

	/**
	 * Breaks a redemption between its two writes when its request ID starts with
	 * {@code boom-}: the code's use has committed, the coupon is not written.
	 */
	@Bean
	RedemptionFaultPoint injectedRedemptionFaults() {
		return (userId, code, requestId) -> {
			if (requestId.startsWith("boom-")) {
				throw new IllegalStateException("Injected fault between a code's use and its coupon");
			}
		};
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
