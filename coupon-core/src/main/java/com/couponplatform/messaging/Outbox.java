package com.couponplatform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.couponplatform.identifier.IdGenerator;

/**
 * The transactional outbox: an event is stored in the same local transaction as the rows
 * it describes, so it is published if and only if they were written.
 */
@Component
public class Outbox {

	private final OutboxMapper events;

	private final IdGenerator ids;

	private final ObjectMapper json;

	Outbox(OutboxMapper events, IdGenerator ids, ObjectMapper json) {
		this.events = events;
		this.ids = ids;
		this.json = json;
	}

	/**
	 * Stores an event for publication; must run inside the transaction that writes the
	 * user's rows.
	 * @param userId the user whose shard holds the event (the same as the rows')
	 * @param topic the topic to publish to
	 * @param key the message key (for tracing and ordering), typically the aggregate ID
	 * @param event the event; its ID is {@link #newEventId()}'s, carried in the payload
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(long userId, String topic, String key, OutboxEvent event) {
		try {
			this.events.insert(event.eventId(), userId, topic, event.getClass().getSimpleName(), key,
					this.json.writeValueAsString(event));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot serialise " + event, ex);
		}
	}

	/**
	 * A fresh event ID, unique across processes; consumers deduplicate by it.
	 * @return the ID
	 */
	public long newEventId() {
		return this.ids.nextId();
	}

}
