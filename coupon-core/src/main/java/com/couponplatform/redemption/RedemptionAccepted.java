package com.couponplatform.redemption;

import java.time.Instant;

import com.couponplatform.messaging.OutboxEvent;

/**
 * A use of a code was taken for a user: written to the code's shard with the use, so that
 * the coupon is issued in the user's shard even if the process dies between the two
 * writes. Carries everything the coupon is made of, so that whoever writes it (the
 * request, a replay, or the consumer) writes the same coupon.
 *
 * @param eventId unique event ID
 * @param code the normalised code
 * @param batchId its batch
 * @param templateId the batch's template
 * @param userId the redeeming user
 * @param requestId the user's request ID
 * @param couponId the coupon's ID, drawn when the use was taken
 * @param redeemedAt when the use was taken (the coupon's claim instant)
 */
public record RedemptionAccepted(long eventId, String code, long batchId, long templateId, long userId,
		String requestId, long couponId, Instant redeemedAt) implements OutboxEvent {
}
