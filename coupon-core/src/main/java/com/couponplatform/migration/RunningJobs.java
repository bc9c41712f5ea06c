package com.couponplatform.migration;

/**
 * What counts as a back-office job still running, for the migration's checks: one that
 * would go on writing users' coupons or a template's stock while the migration starts
 * (decision 4) or freezes the static data (decision 5). Each statement selects the IDs of
 * such jobs.
 */
public final class RunningJobs {

	/** Issuance jobs not yet COMPLETED, FAILED or CANCELLED. */
	public static final String ISSUANCE_JOBS = "SELECT id FROM issuance_job "
			+ "WHERE status IN ('PREPARING', 'PENDING', 'RUNNING', 'PAUSED')";

	/** Code batches still storing their codes. */
	public static final String CODE_BATCHES = "SELECT id FROM code_batch WHERE status IN ('GENERATING', 'IMPORTING')";

	private RunningJobs() {
	}

}
