package com.couponplatform.statistic;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.couponplatform.claim.CouponClaimed;

/**
 * Counts a claimed coupon in its template's statistics, once per event however often the
 * broker delivers it.
 */
@Service
public class RecordCouponClaimed {

	static final String CONSUMER = "template_statistic";

	private final TemplateStatisticMapper statistics;

	private final Clock clock;

	RecordCouponClaimed(TemplateStatisticMapper statistics, Clock clock) {
		this.statistics = statistics;
		this.clock = clock;
	}

	/**
	 * Applies the event unless it was applied before.
	 * @param event the delivered event
	 * @return whether this delivery changed the statistics
	 */
	@Transactional
	public boolean record(CouponClaimed event) {
		// The dedup row and the counter change commit together, so a crash between them
		// cannot count an event twice or lose it.
		if (this.statistics.markConsumed(CONSUMER, event.eventId(), this.clock.instant()) == 0) {
			return false;
		}
		this.statistics.incrementIssued(event.templateId(), this.clock.instant());
		return true;
	}

}
