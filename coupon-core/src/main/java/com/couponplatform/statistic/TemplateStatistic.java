package com.couponplatform.statistic;

import java.time.Instant;

/**
 * Counters of one template kept from its events, for the back office. Every status change
 * of a coupon row and its event commit together (the outbox), and the consumer applies
 * each event once, so once the events are delivered the status counters equal a count of
 * the rows by stored status. A past-due coupon counts as unused until the expiry job
 * rewrites its row.
 *
 * @param templateId the template
 * @param issued coupons issued
 * @param unused coupons UNUSED
 * @param locked coupons LOCKED by an order
 * @param used coupons USED
 * @param expired coupons EXPIRED
 * @param refunded coupons a refund gave back to the wallet (a running total; they count
 * as unused again)
 * @param updatedAt when the counters last changed, or {@code null} if never
 */
public record TemplateStatistic(long templateId, long issued, long unused, long locked, long used, long expired,
		long refunded, Instant updatedAt) {

	/**
	 * @return the same counters without {@code updatedAt}, to compare counters alone
	 */
	public TemplateStatistic withoutTime() {
		return new TemplateStatistic(this.templateId, this.issued, this.unused, this.locked, this.used, this.expired,
				this.refunded, null);
	}

	static TemplateStatistic none(long templateId) {
		return new TemplateStatistic(templateId, 0, 0, 0, 0, 0, 0, null);
	}

}
