package com.couponplatform.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.couponplatform.claim.ClaimFaultPoint;

/**
 * Faults between a claim's Redis gate and its database write, chosen by the request ID so
 * every other test's claims pass untouched: {@code boom-…} throws; {@code stall-…} stalls
 * its first call long enough for a client to time out and retry.
 */
@TestConfiguration(proxyBeanMethods = false)
class FaultInjection {

	static final long STALL_MILLIS = 3000;

	private final Set<String> stalled = ConcurrentHashMap.newKeySet();

	@Bean
	ClaimFaultPoint injectedClaimFaults() {
		return (userId, templateId, requestId) -> {
			if (requestId.startsWith("boom-")) {
				throw new IllegalStateException("Injected fault after the gate");
			}
			if (requestId.startsWith("stall-") && this.stalled.add(requestId)) {
				try {
					Thread.sleep(STALL_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		};
	}

}
