package com.couponplatform.messaging;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a consumer apply each event once however often the broker delivers it: the record
 * of the event ID commits in the same global transaction as the change the event makes,
 * so a crash between them can neither apply an event twice nor lose it.
 */
@Component
public class ConsumedEvents {

	private final ConsumedEventMapper events;

	private final Clock clock;

	ConsumedEvents(ConsumedEventMapper events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a delivery; must run inside the transaction that applies the event.
	 * @param consumer the consumer's name
	 * @param eventId the event's ID
	 * @return {@code true} the first time, {@code false} when the consumer applied the
	 * event before
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, long eventId) {
		return this.events.markConsumed(consumer, eventId, this.clock.instant()) == 1;
	}

}
