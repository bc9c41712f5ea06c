package com.couponplatform.statistic;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.couponplatform.checkout.CouponStatusChanged;

/**
 * Moves coupons between a template's status counters, once per event however often the
 * broker delivers it.
 */
@Service
public class RecordCouponStatusChanged {

	static final String CONSUMER = "template_statistic_status";

	private final TemplateStatisticMapper statistics;

	private final Clock clock;

	RecordCouponStatusChanged(TemplateStatisticMapper statistics, Clock clock) {
		this.statistics = statistics;
		this.clock = clock;
	}

	/**
	 * Applies the event unless it was applied before.
	 * @param event the delivered event
	 * @return whether this delivery changed the statistics
	 */
	@Transactional
	public boolean record(CouponStatusChanged event) {
		// As for claims: the dedup row and the counters commit together.
		if (this.statistics.markConsumed(CONSUMER, event.eventId(), this.clock.instant()) == 0) {
			return false;
		}
		this.statistics.apply(event.templateId(), StatusDeltas.of(event), this.clock.instant());
		return true;
	}

}
