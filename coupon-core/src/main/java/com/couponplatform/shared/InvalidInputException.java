package com.couponplatform.shared;

import java.util.List;

/**
 * Input that fails validation: answered with 400 {@code VALIDATION_FAILED} and every
 * violation.
 */
public class InvalidInputException extends RuleViolationException {

	private final List<FieldViolation> violations;

	public InvalidInputException(List<FieldViolation> violations) {
		super(ProblemCode.VALIDATION_FAILED, "The request is invalid: " + violations.size() + " field(s)");
		this.violations = List.copyOf(violations);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldViolation(field, message)));
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

}
