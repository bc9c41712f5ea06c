package com.couponplatform.issuance;

import java.time.Instant;

/**
 * An {@code issuance_job} row.
 *
 * @param id the job ID
 * @param templateId the template whose coupon it sends
 * @param status where it is
 * @param total distinct valid users
 * @param duplicates users the input repeated (sent once)
 * @param rejected input lines refused (not a user ID)
 * @param reserved units taken from the template's stock for it
 * @param returned units a cancellation gave back
 * @param published targets sent to the broker so far (the publisher's checkpoint, by
 * sequence number)
 * @param processed targets written
 * @param issued coupons issued
 * @param failed targets that could not be issued
 * @param startAt when to start, or {@code null} for at once
 * @param createdBy the operator
 * @param createdAt when it was created
 * @param startedAt when it started running
 * @param finishedAt when it ended
 * @param updatedAt when it last changed
 */
public record IssuanceJob(long id, long templateId, IssuanceStatus status, long total, long duplicates, long rejected,
		long reserved, long returned, long published, long processed, long issued, long failed, Instant startAt,
		String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt) {

	/**
	 * @param now the reading instant
	 * @return coupons issued per second while it ran, or 0 before it started
	 */
	public double perSecond(Instant now) {
		if (this.startedAt == null || this.issued == 0) {
			return 0;
		}
		Instant end = (this.finishedAt != null) ? this.finishedAt : now;
		double seconds = Math.max(0.001, (end.toEpochMilli() - this.startedAt.toEpochMilli()) / 1000.0);
		return this.issued / seconds;
	}

}
