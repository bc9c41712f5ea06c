package com.couponplatform.api.web;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * The caller sent more requests than its rate allows; answered 429 with
 * {@code Retry-After}.
 */
public class RateLimitedException extends RuleViolationException {

	private final long retryAfterSeconds;

	public RateLimitedException(long retryAfterSeconds) {
		super(ProblemCode.RATE_LIMITED, "Too many requests; retry after " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
