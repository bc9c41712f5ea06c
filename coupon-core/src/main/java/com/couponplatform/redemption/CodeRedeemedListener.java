package com.couponplatform.redemption;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import com.couponplatform.messaging.JsonEventSubscription;
import com.couponplatform.messaging.Topics;

/**
 * Consumes {@code CodeRedeemed} events into the batches' redeemed counters.
 */
@Component
class CodeRedeemedListener extends JsonEventSubscription<CodeRedeemed> {

	private final CountRedemption count;

	private final Topics topics;

	CodeRedeemedListener(CountRedemption count, ObjectMapper json, Topics topics) {
		super(json, CodeRedeemed.class);
		this.count = count;
		this.topics = topics;
	}

	@Override
	public String topic() {
		return this.topics.codeRedeemed();
	}

	@Override
	public String consumerGroup() {
		return this.topics.consumerGroup(CountRedemption.CONSUMER);
	}

	@Override
	protected void apply(CodeRedeemed event) {
		this.count.count(event);
	}

}
