package com.couponplatform.statistic;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.couponplatform.checkout.CouponStatusChanged;
import com.couponplatform.messaging.JsonEventSubscription;
import com.couponplatform.messaging.Topics;

/**
 * Consumes {@code CouponStatusChanged} events into per-template status counters.
 */
@Component
@ConditionalOnProperty(name = "coupon.statistics.consumer.enabled", havingValue = "true", matchIfMissing = true)
public class CouponStatusChangedListener extends JsonEventSubscription<CouponStatusChanged> {

	private final RecordStatisticEvent recorder;

	private final Topics topics;

	CouponStatusChangedListener(RecordStatisticEvent recorder, ObjectMapper json, Topics topics) {
		super(json, CouponStatusChanged.class);
		this.recorder = recorder;
		this.topics = topics;
	}

	@Override
	public String topic() {
		return this.topics.couponStatusChanged();
	}

	@Override
	public String consumerGroup() {
		return this.topics.consumerGroup(RecordStatisticEvent.STATUS_CHANGES);
	}

	@Override
	protected void apply(CouponStatusChanged event) {
		this.recorder.record(event);
	}

}
