package com.couponplatform.migration;

/**
 * A process that must not start as configured while the migration stands as it does.
 */
public class MigrationStartupRefusedException extends RuntimeException {

	private final String action;

	MigrationStartupRefusedException(String reason, String action) {
		super(reason);
		this.action = action;
	}

	/**
	 * @return what the operator can do about it
	 */
	public String action() {
		return this.action;
	}

}
