package com.couponplatform.statistic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.couponplatform.claim.CouponClaimed;
import com.couponplatform.messaging.EventSubscription;
import com.couponplatform.messaging.Topics;

/**
 * Consumes {@code CouponClaimed} events into per-template statistics. A failure throws,
 * so the broker redelivers; a malformed message is logged and dropped, since redelivery
 * cannot fix it.
 */
@Component
@ConditionalOnProperty(name = "coupon.statistics.consumer.enabled", havingValue = "true", matchIfMissing = true)
public class CouponClaimedListener implements EventSubscription {

	private static final Logger logger = LoggerFactory.getLogger(CouponClaimedListener.class);

	private final RecordCouponClaimed recorder;

	private final ObjectMapper json;

	private final Topics topics;

	CouponClaimedListener(RecordCouponClaimed recorder, ObjectMapper json, Topics topics) {
		this.recorder = recorder;
		this.json = json;
		this.topics = topics;
	}

	@Override
	public String topic() {
		return this.topics.couponClaimed();
	}

	@Override
	public String consumerGroup() {
		return this.topics.consumerGroup(RecordCouponClaimed.CONSUMER);
	}

	@Override
	public void handle(String payload) {
		CouponClaimed event;
		try {
			event = this.json.readValue(payload, CouponClaimed.class);
		}
		catch (JsonProcessingException ex) {
			logger.error("Dropping a malformed CouponClaimed message: {}", payload, ex);
			return;
		}
		this.recorder.record(event);
	}

}
