package com.couponplatform.redemption;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import com.couponplatform.messaging.JsonEventSubscription;
import com.couponplatform.messaging.Topics;

/**
 * Finishes redemptions whose process died between taking the use and writing the coupon:
 * writes the coupon the event describes (a no-op when the request wrote it).
 */
@Component
class RedemptionAcceptedListener extends JsonEventSubscription<RedemptionAccepted> {

	static final String CONSUMER = "redemption_completion";

	private final IssueRedeemedCoupon issue;

	private final Topics topics;

	RedemptionAcceptedListener(IssueRedeemedCoupon issue, ObjectMapper json, Topics topics) {
		super(json, RedemptionAccepted.class);
		this.issue = issue;
		this.topics = topics;
	}

	@Override
	public String topic() {
		return this.topics.redemptionAccepted();
	}

	@Override
	public String consumerGroup() {
		return this.topics.consumerGroup(CONSUMER);
	}

	@Override
	protected void apply(RedemptionAccepted event) {
		this.issue.issue(event, false);
	}

}
