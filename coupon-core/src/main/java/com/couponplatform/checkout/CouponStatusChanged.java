package com.couponplatform.checkout;

import java.time.Instant;

import com.couponplatform.messaging.OutboxEvent;
import com.couponplatform.wallet.CouponStatus;

/**
 * Coupons of one template moved from one stored status to another; written through the
 * outbox in the transaction that moved them, so the statistics consumer sees every change
 * exactly once.
 *
 * @param eventId unique event ID; consumers apply each at most once
 * @param templateId the coupons' template
 * @param from the status they left
 * @param to the status they reached
 * @param count how many coupons moved (one for checkout calls, a batch for expiry)
 * @param refunds how many of them a refund gave back to the wallet
 * @param at when they moved
 */
public record CouponStatusChanged(long eventId, long templateId, CouponStatus from, CouponStatus to, long count,
		long refunds, Instant at) implements OutboxEvent {
}
