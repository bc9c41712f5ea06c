package com.couponplatform.migration;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused start into a short, clear message instead of a bean-creation stack.
 */
class MigrationStartupFailureAnalyzer extends AbstractFailureAnalyzer<MigrationStartupRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationStartupRefusedException cause) {
		return new FailureAnalysis("The application refuses to start: " + cause.getMessage() + ".", cause.action(),
				cause);
	}

}
