package com.couponplatform.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every field violation of one input, so that a caller learns all of them at
 * once.
 */
public final class Violations {

	private final List<FieldViolation> found = new ArrayList<>();

	/**
	 * Records a violation when the condition does not hold.
	 * @param condition what must be true
	 * @param field the field it is about
	 * @param message what is wrong otherwise
	 * @return this collector
	 */
	public Violations require(boolean condition, String field, String message) {
		if (!condition) {
			this.found.add(new FieldViolation(field, message));
		}
		return this;
	}

	public boolean isEmpty() {
		return this.found.isEmpty();
	}

	/**
	 * Throws when anything was recorded.
	 * @throws InvalidInputException with every recorded violation
	 */
	public void throwIfAny() {
		if (!this.found.isEmpty()) {
			throw new InvalidInputException(this.found);
		}
	}

}
