package com.couponplatform.claim;

import java.time.Instant;

import com.couponplatform.messaging.OutboxEvent;

/**
 * A user claimed a coupon; published through the outbox once the coupon row is committed.
 *
 * @param eventId unique event ID; consumers apply each at most once
 * @param couponId the new coupon
 * @param templateId its template
 * @param userId its owner
 * @param claimedAt when it was claimed
 */
public record CouponClaimed(long eventId, long couponId, long templateId, long userId,
		Instant claimedAt) implements OutboxEvent {
}
