package com.couponplatform.secret;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing secret into a short, clear start-up failure instead of a bean-creation
 * stack.
 */
class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretException cause) {
		return new FailureAnalysis("The application refuses to start: " + cause.getMessage() + ".",
				"Set " + cause.variable() + " in the environment (a secret of your own; never commit it). "
						+ "For local use, ./deploy/run.sh generates one and keeps it in deploy/.local-secrets.",
				cause);
	}

}
