package com.couponplatform.redemption;

import java.time.Instant;

import com.couponplatform.messaging.OutboxEvent;

/**
 * A redemption's coupon row was written: counts the batch's redemptions, once per coupon.
 *
 * @param eventId unique event ID
 * @param batchId the code's batch
 * @param couponId the coupon
 * @param redeemedAt when the use was taken
 */
public record CodeRedeemed(long eventId, long batchId, long couponId, Instant redeemedAt) implements OutboxEvent {
}
