package com.couponplatform.secret;

/**
 * A secret the process needs is missing or too short; the process refuses to start rather
 * than run with a guessable one.
 */
public class MissingSecretException extends IllegalStateException {

	private final String variable;

	public MissingSecretException(String variable, String requirement) {
		super(variable + " is missing or too short: " + requirement);
		this.variable = variable;
	}

	public String variable() {
		return this.variable;
	}

}
