package com.couponplatform.targeting;

/**
 * A tag expression that does not parse, with the position of the problem.
 */
public class InvalidTagExpressionException extends IllegalArgumentException {

	private final int position;

	public InvalidTagExpressionException(String message, int position) {
		super(message + " at position " + position);
		this.position = position;
	}

	public int position() {
		return this.position;
	}

}
