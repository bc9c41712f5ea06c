package com.couponplatform.redemption;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a batch's redeemed coupons from {@link CodeRedeemed} events, each once however
 * often the broker delivers it: the record of the event ID and the counter change commit
 * in one transaction of the global database.
 */
@Service
class CountRedemption {

	static final String CONSUMER = "code_batch_redeemed";

	private final CodeBatchMapper batches;

	private final Clock clock;

	CountRedemption(CodeBatchMapper batches, Clock clock) {
		this.batches = batches;
		this.clock = clock;
	}

	/**
	 * @param event the delivered event
	 * @return whether this delivery changed the counter
	 */
	@Transactional
	public boolean count(CodeRedeemed event) {
		if (this.batches.markConsumed(CONSUMER, event.eventId(), this.clock.instant()) == 0) {
			return false;
		}
		this.batches.countRedeemed(event.batchId(), this.clock.instant());
		return true;
	}

}
