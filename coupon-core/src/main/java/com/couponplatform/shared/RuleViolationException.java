package com.couponplatform.shared;

import java.util.List;

/**
 * Base of every exception that a use case throws because a business rule refuses the
 * request; the web layers turn it into problem+json with its {@link ProblemCode}.
 */
public abstract class RuleViolationException extends RuntimeException {

	private final ProblemCode code;

	protected RuleViolationException(ProblemCode code, String detail) {
		super(detail, null, false, false);
		this.code = code;
	}

	public ProblemCode code() {
		return this.code;
	}

	/**
	 * For a refused threshold, how much more the order must reach.
	 * @return the missing amount in minor units, or {@code null}
	 */
	public Long missingAmount() {
		return null;
	}

	/**
	 * For a refused migration transition, every precondition checked.
	 * @return the preconditions, or {@code null}
	 */
	public List<?> preconditions() {
		return null;
	}

}
