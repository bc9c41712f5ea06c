package com.couponplatform.statistic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.couponplatform.claim.CouponClaimed;

/**
 * Consumes {@code CouponClaimed} events into per-template statistics. A failure throws,
 * so the broker redelivers; a malformed message is logged and dropped, since redelivery
 * cannot fix it.
 */
@Component
@ConditionalOnProperty(name = "coupon.statistics.consumer.enabled", havingValue = "true", matchIfMissing = true)
@RocketMQMessageListener(topic = "${coupon.messaging.topic-prefix}_coupon_claimed",
		consumerGroup = "${coupon.messaging.topic-prefix}_template_statistic", consumeThreadNumber = 2,
		consumeThreadMax = 4)
public class CouponClaimedListener implements RocketMQListener<String> {

	private static final Logger logger = LoggerFactory.getLogger(CouponClaimedListener.class);

	private final RecordCouponClaimed recorder;

	private final ObjectMapper json;

	CouponClaimedListener(RecordCouponClaimed recorder, ObjectMapper json) {
		this.recorder = recorder;
		this.json = json;
	}

	@Override
	public void onMessage(String message) {
		CouponClaimed event;
		try {
			event = this.json.readValue(message, CouponClaimed.class);
		}
		catch (JsonProcessingException ex) {
			logger.error("Dropping a malformed CouponClaimed message: {}", message, ex);
			return;
		}
		this.recorder.record(event);
	}

}
