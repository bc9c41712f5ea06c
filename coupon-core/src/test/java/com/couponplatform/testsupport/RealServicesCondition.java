package com.couponplatform.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips integration tests cleanly when {@code COUPON_TEST_ENV=docker} asks for
 * Testcontainers and no Docker daemon answers; every other environment runs them.
 */
class RealServicesCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (TestEnvironment.current() == TestEnvironment.DOCKER && !TestEnvironment.dockerAvailable()) {
			return ConditionEvaluationResult.disabled("COUPON_TEST_ENV=docker but no Docker daemon answers");
		}
		return ConditionEvaluationResult.enabled("services of COUPON_TEST_ENV=" + TestEnvironment.current());
	}

}
