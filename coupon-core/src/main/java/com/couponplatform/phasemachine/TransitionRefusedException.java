package com.couponplatform.phasemachine;

import java.util.List;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * A transition refused before it was recorded: a failed precondition (409
 * {@code MIGRATION_PRECONDITION_FAILED}, with every precondition checked), a stale
 * {@code from} or a transition already running (409 {@code VERSION_CONFLICT}), or a phase
 * that is not one step forward nor the rollback (409 {@code ILLEGAL_TRANSITION}).
 */
public class TransitionRefusedException extends RuleViolationException {

	private final List<Precondition> preconditions;

	TransitionRefusedException(ProblemCode code, String detail) {
		this(code, detail, null);
	}

	TransitionRefusedException(ProblemCode code, String detail, List<Precondition> preconditions) {
		super(code, detail);
		this.preconditions = preconditions;
	}

	@Override
	public List<Precondition> preconditions() {
		return this.preconditions;
	}

}
