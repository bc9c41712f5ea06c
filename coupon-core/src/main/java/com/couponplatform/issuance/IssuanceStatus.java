package com.couponplatform.issuance;

/**
 * Where a job is. PREPARING is internal (the creating call has not answered yet) and
 * reads as PENDING.
 */
public enum IssuanceStatus {

	PREPARING, PENDING, RUNNING, PAUSED, COMPLETED, FAILED, CANCELLED

}
