package com.couponplatform.statistic;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.couponplatform.claim.CouponClaimed;
import com.couponplatform.messaging.JsonEventSubscription;
import com.couponplatform.messaging.Topics;

/**
 * Consumes {@code CouponClaimed} events into per-template statistics.
 */
@Component
@ConditionalOnProperty(name = "coupon.statistics.consumer.enabled", havingValue = "true", matchIfMissing = true)
public class CouponClaimedListener extends JsonEventSubscription<CouponClaimed> {

	private final RecordStatisticEvent recorder;

	private final Topics topics;

	CouponClaimedListener(RecordStatisticEvent recorder, ObjectMapper json, Topics topics) {
		super(json, CouponClaimed.class);
		this.recorder = recorder;
		this.topics = topics;
	}

	@Override
	public String topic() {
		return this.topics.couponClaimed();
	}

	@Override
	public String consumerGroup() {
		return this.topics.consumerGroup(RecordStatisticEvent.CLAIMS);
	}

	@Override
	protected void apply(CouponClaimed event) {
		this.recorder.record(event);
	}

}
