package com.couponplatform.admin.issuance;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import com.couponplatform.issuance.IssuanceJob;
import com.couponplatform.issuance.IssuanceStatus;

/**
 * What the job page's progress shows at one reading: targets done of the total, the rate,
 * and the time left at that rate.
 *
 * @param job the job
 * @param status its status as the API reports it (PREPARING reads as PENDING)
 * @param done targets written or failed
 * @param percent done of the total, whole percent
 * @param perSecond coupons per second while it ran
 * @param timeLeft the time left at that rate, or {@code null} when there is no rate
 */
record JobProgress(IssuanceJob job, IssuanceStatus status, long done, long percent, double perSecond, String timeLeft) {

	private static final Set<IssuanceStatus> ENDED = EnumSet.of(IssuanceStatus.COMPLETED, IssuanceStatus.FAILED,
			IssuanceStatus.CANCELLED);

	static JobProgress of(IssuanceJob job, Instant now) {
		IssuanceStatus status = (job.status() == IssuanceStatus.PREPARING) ? IssuanceStatus.PENDING : job.status();
		long done = job.processed() + job.failed();
		long percent = (job.total() == 0) ? 100 : done * 100 / job.total();
		double perSecond = Math.round(job.perSecond(now) * 10) / 10.0;
		String timeLeft = null;
		if (status == IssuanceStatus.RUNNING && perSecond > 0) {
			timeLeft = duration(Math.round((job.total() - done) / perSecond));
		}
		return new JobProgress(job, status, done, percent, perSecond, timeLeft);
	}

	/** Whether the page still follows it: a job that ended changes no more. */
	public boolean live() {
		return !ENDED.contains(this.status);
	}

	private static String duration(long seconds) {
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
	}

}
