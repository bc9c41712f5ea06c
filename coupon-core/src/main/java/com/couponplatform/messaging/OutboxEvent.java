package com.couponplatform.messaging;

/**
 * An event that travels through the outbox; its ID makes consumers idempotent.
 */
public interface OutboxEvent {

	long eventId();

}
