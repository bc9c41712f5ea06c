package com.couponplatform.persistence;

import java.net.ConnectException;
import java.sql.SQLTransientException;

import org.springframework.dao.TransientDataAccessException;

import com.couponplatform.shared.Problem;
import com.couponplatform.shared.ProblemCode;

/**
 * Describes a failed database call to a client: a shard that cannot be reached is a
 * retryable 503, anything else an internal error whose details stay in the log.
 */
public final class StorageFailure {

	private StorageFailure() {
	}

	/**
	 * The problem a client sees for a storage failure.
	 * @param failure the exception thrown by the data layer
	 * @return 503 {@code SERVICE_UNAVAILABLE} when the storage was unreachable, else 500
	 */
	public static Problem problem(Throwable failure) {
		return isUnavailable(failure)
				? Problem.of(ProblemCode.SERVICE_UNAVAILABLE, "Storage is temporarily unavailable; retry later")
				: Problem.of(ProblemCode.INTERNAL_ERROR, "Internal error");
	}

	static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof SQLTransientException
					|| cause instanceof ConnectException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
