package com.couponplatform.api;

import org.springframework.boot.SpringApplication;

/**
 * coupon-api with {@link FaultInjection}, run as its own process so that a test can kill
 * it with SIGKILL in the middle of a claim.
 */
public final class ClaimWorker {

	private ClaimWorker() {
	}

	public static void main(String[] args) {
		System.setProperty(FaultInjection.KILL_POINT_ENABLED, "true");
		SpringApplication.run(new Class<?>[] { CouponApiApplication.class, FaultInjection.class }, args);
	}

}
