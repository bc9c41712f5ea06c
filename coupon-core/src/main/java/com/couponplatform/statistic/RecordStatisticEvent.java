package com.couponplatform.statistic;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.couponplatform.checkout.CouponStatusChanged;
import com.couponplatform.claim.CouponClaimed;
import com.couponplatform.messaging.ConsumedEvents;

/**
 * Applies coupon events to their template's counters, each once however often the broker
 * delivers it ({@link ConsumedEvents}).
 */
@Service
public class RecordStatisticEvent {

	/** The consumer (and consumer group) name of claims. */
	static final String CLAIMS = "template_statistic";

	/** The consumer (and consumer group) name of status changes. */
	static final String STATUS_CHANGES = "template_statistic_status";

	private final TemplateStatisticMapper statistics;

	private final ConsumedEvents consumed;

	private final Clock clock;

	RecordStatisticEvent(TemplateStatisticMapper statistics, ConsumedEvents consumed, Clock clock) {
		this.statistics = statistics;
		this.consumed = consumed;
		this.clock = clock;
	}

	/**
	 * Counts a claimed coupon as issued and unused.
	 * @param event the delivered event
	 * @return whether this delivery changed the statistics
	 */
	@Transactional
	public boolean record(CouponClaimed event) {
		if (!this.consumed.firstDelivery(CLAIMS, event.eventId())) {
			return false;
		}
		this.statistics.incrementIssued(event.templateId(), this.clock.instant());
		return true;
	}

	/**
	 * Moves coupons between status counters.
	 * @param event the delivered event
	 * @return whether this delivery changed the statistics
	 */
	@Transactional
	public boolean record(CouponStatusChanged event) {
		if (!this.consumed.firstDelivery(STATUS_CHANGES, event.eventId())) {
			return false;
		}
		this.statistics.apply(event.templateId(), StatusDeltas.of(event), this.clock.instant());
		return true;
	}

}
