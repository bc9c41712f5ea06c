package com.couponplatform.gateway;

/**
 * A write's fence refused its decision: the user's side changed, or was set under a newer
 * epoch, after the write was decided. Its transaction rolls back with nothing applied;
 * the gateway decides it again once.
 */
final class StaleDecisionException extends RuntimeException {

	StaleDecisionException(long userId, WriteDecision decision, String fence) {
		super("Write for user " + userId + " decided for " + decision.side() + " under epoch "
				+ decision.epoch().number() + ", but the fence says " + fence, null, false, false);
	}

}
