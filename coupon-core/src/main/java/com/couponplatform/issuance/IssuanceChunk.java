package com.couponplatform.issuance;

/**
 * One message of a job: users of one shard database, with their sequence numbers in the
 * job. Redelivery is harmless: the coupon rows have a unique key per job and user, and
 * the counters move with the targets' state.
 *
 * @param jobId the job
 * @param templateId its template
 * @param seqs the users' sequence numbers
 * @param userIds the users, in the same order
 */
public record IssuanceChunk(long jobId, long templateId, long[] seqs, long[] userIds) {

	/**
	 * JSON bytes of one user in a message, at most: two 19-digit numbers and two commas.
	 */
	static final int BYTES_PER_USER = 42;

	/** JSON bytes of a message besides its users, at most. */
	static final int ENVELOPE_BYTES = 128;

	/**
	 * @param payloadBytes the largest message allowed
	 * @return how many users one message may carry
	 */
	static int usersPerMessage(int payloadBytes) {
		return Math.max(1, (payloadBytes - ENVELOPE_BYTES) / BYTES_PER_USER);
	}

}
