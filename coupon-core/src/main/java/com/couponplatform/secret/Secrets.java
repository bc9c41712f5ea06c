package com.couponplatform.secret;

import java.nio.charset.StandardCharsets;

/**
 * Checks secrets taken from the environment at start-up.
 */
public final class Secrets {

	private Secrets() {
	}

	/**
	 * Returns the secret when it has at least {@code minBytes} bytes of UTF-8.
	 * @param variable the environment variable that supplies it, for the message
	 * @param value the configured value, possibly {@code null}
	 * @param minBytes the minimum length in bytes
	 * @return the value
	 * @throws MissingSecretException when it is missing or shorter
	 */
	public static String require(String variable, String value, int minBytes) {
		if (value == null || value.isBlank() || value.getBytes(StandardCharsets.UTF_8).length < minBytes) {
			throw new MissingSecretException(variable, "it must be at least " + minBytes + " bytes");
		}
		return value;
	}

}
