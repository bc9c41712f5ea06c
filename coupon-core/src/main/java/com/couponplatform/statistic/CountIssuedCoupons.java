package com.couponplatform.statistic;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts coupons issued in bulk, inside the global transaction that records which targets
 * they were, so that the counters move exactly once per coupon without an event each.
 */
@Service
public class CountIssuedCoupons {

	private final TemplateStatisticMapper statistics;

	private final Clock clock;

	CountIssuedCoupons(TemplateStatisticMapper statistics, Clock clock) {
		this.statistics = statistics;
		this.clock = clock;
	}

	/**
	 * @param templateId the template
	 * @param count coupons issued, UNUSED
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(long templateId, long count) {
		this.statistics.addIssued(templateId, count, this.clock.instant());
	}

}
