package com.couponplatform.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.TransientDataAccessException;

import com.couponplatform.shared.Problem;
import com.couponplatform.shared.ProblemCode;

/**
 * Describes a failed database call to a client: a shard that cannot be reached is a
 * retryable 503, anything else an internal error whose details stay in the log.
 */
public final class StorageFailure {

	/** What a client is told to wait after a 503 for an unreachable database. */
	public static final long RETRY_AFTER_SECONDS = 1;

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

	/**
	 * Whether a failure means the database could not be reached or stopped answering (a
	 * refused or lost connection, a circuit open, a pool with no connection in time), as
	 * opposed to a statement it refused.
	 * @param failure the exception thrown by the data layer
	 * @return {@code true} for a retryable unavailability
	 */
	public static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof SQLTransientException
					|| cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof ConnectException || isConnectionState(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** SQLSTATE class 08: connection exception (a connection lost mid-statement). */
	private static boolean isConnectionState(Throwable cause) {
		return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
	}

}
