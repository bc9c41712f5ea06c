package com.couponplatform.statistic;

import java.time.Instant;

/**
 * Counters of one template kept from its events, for the back office.
 *
 * @param templateId the template
 * @param issued coupons issued, as counted from {@code CouponClaimed} events
 * @param updatedAt when the counters last changed, or {@code null} if never
 */
public record TemplateStatistic(long templateId, long issued, Instant updatedAt) {
}
