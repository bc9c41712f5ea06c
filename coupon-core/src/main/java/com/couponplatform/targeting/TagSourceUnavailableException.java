package com.couponplatform.targeting;

/**
 * The tag service could not answer (timeout, error, or its circuit is open); the
 * template's {@link TagFallback} decides instead.
 */
public class TagSourceUnavailableException extends RuntimeException {

	public TagSourceUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
