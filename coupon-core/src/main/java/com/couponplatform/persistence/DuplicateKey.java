package com.couponplatform.persistence;

import java.sql.SQLException;

/**
 * Recognises a unique-key violation under whatever wrapping MyBatis, Spring or
 * ShardingSphere put around it: the unique keys are how the platform makes writes
 * idempotent.
 */
public final class DuplicateKey {

	private static final int MYSQL_DUPLICATE_ENTRY = 1062;

	private static final String INTEGRITY_VIOLATION_STATE = "23000";

	private DuplicateKey() {
	}

	/**
	 * Tells whether a failure was caused by a duplicate unique key.
	 * @param failure any exception
	 * @return whether a MySQL duplicate-entry error is in its cause chain
	 */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == MYSQL_DUPLICATE_ENTRY
					&& INTEGRITY_VIOLATION_STATE.equals(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Tells whether a failure was a duplicate of one particular unique key.
	 * @param failure any exception
	 * @param keyName the unique key's name, as the schema declares it
	 * @return whether the duplicate-entry error in its cause chain names that key
	 */
	public static boolean onKey(Throwable failure, String keyName) {
		if (!causedBy(failure)) {
			return false;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// MySQL says "for key 'user_coupon_3.uk_…'", MariaDB "for key 'uk_…'".
			if (cause instanceof SQLException && cause.getMessage() != null
					&& (cause.getMessage().contains("'" + keyName + "'")
							|| cause.getMessage().contains("." + keyName + "'"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
