package com.couponplatform.shared;

/**
 * A request that cannot be served at this moment but will be shortly — a user whose
 * coupons are changing sides — answered 503 {@code SERVICE_UNAVAILABLE} with
 * {@code Retry-After}. Not a rule's refusal: nothing about the request is wrong, and
 * nothing of it was applied.
 */
public class RetryLaterException extends RuntimeException {

	private final long retryAfterSeconds;

	public RetryLaterException(String detail, long retryAfterSeconds) {
		super(detail);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	public Problem problem() {
		return Problem.of(ProblemCode.SERVICE_UNAVAILABLE, getMessage());
	}

}
