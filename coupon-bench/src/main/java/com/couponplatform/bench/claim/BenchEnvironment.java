package com.couponplatform.bench.claim;

/**
 * The benchmarks' settings come from the environment that {@code deploy/bench.sh} sets.
 */
public final class BenchEnvironment {

	private BenchEnvironment() {
	}

	/**
	 * @param name the variable
	 * @param fallback its value when unset or blank
	 * @return the value
	 */
	public static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/**
	 * @param name the variable
	 * @return its value
	 * @throws IllegalStateException when it is unset or blank
	 */
	public static String required(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " is not set; deploy/bench.sh sets it from deploy/.local-secrets");
		}
		return value;
	}

}
