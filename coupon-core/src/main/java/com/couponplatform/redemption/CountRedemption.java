package com.couponplatform.redemption;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.couponplatform.messaging.ConsumedEvents;

/**
 * Counts a batch's redeemed coupons from {@link CodeRedeemed} events, each once however
 * often the broker delivers it ({@link ConsumedEvents}).
 */
@Service
class CountRedemption {

	static final String CONSUMER = "code_batch_redeemed";

	private final CodeBatchMapper batches;

	private final ConsumedEvents consumed;

	private final Clock clock;

	CountRedemption(CodeBatchMapper batches, ConsumedEvents consumed, Clock clock) {
		this.batches = batches;
		this.consumed = consumed;
		this.clock = clock;
	}

	/**
	 * @param event the delivered event
	 * @return whether this delivery changed the counter
	 */
	@Transactional
	public boolean count(CodeRedeemed event) {
		if (!this.consumed.firstDelivery(CONSUMER, event.eventId())) {
			return false;
		}
		this.batches.countRedeemed(event.batchId(), this.clock.instant());
		return true;
	}

}
