package com.couponplatform.testsupport;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * Which services the integration tests use, from {@code COUPON_TEST_ENV}: {@code local}
 * (the default) takes the {@code COUPON_*} endpoints, {@code docker} starts MySQL, Redis
 * and RocketMQ with Testcontainers, {@code auto} uses Docker when a daemon answers and
 * local services otherwise.
 */
public enum TestEnvironment {

	LOCAL, DOCKER, AUTO;

	private static Boolean dockerAvailable;

	/**
	 * The environment chosen for this run.
	 * @return the mode named by {@code COUPON_TEST_ENV}, {@link #LOCAL} when unset
	 */
	public static TestEnvironment current() {
		String value = System.getenv().getOrDefault("COUPON_TEST_ENV", "local");
		try {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("COUPON_TEST_ENV must be local, docker or auto, not " + value, ex);
		}
	}

	/**
	 * Tells whether the tests run on Testcontainers.
	 * @return {@code true} for docker, and for auto where Docker answers
	 */
	public static boolean usesContainers() {
		TestEnvironment mode = current();
		return mode == DOCKER || (mode == AUTO && dockerAvailable());
	}

	static synchronized boolean dockerAvailable() {
		if (dockerAvailable == null) {
			dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
		}
		return dockerAvailable;
	}

}
