package com.couponplatform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.couponplatform.identifier.IdGenerator;

/**
 * The transactional outbox: an event is stored in the same local transaction as the rows
 * it describes, so it is published if and only if they were written.
 */
@Component
public class Outbox {

	private final IdGenerator ids;

	private final ObjectMapper json;

	Outbox(IdGenerator ids, ObjectMapper json) {
		this.ids = ids;
		this.json = json;
	}

	/**
	 * Stores an event for publication, inside the transaction that writes the rows it
	 * describes: through ShardingSphere (the logical {@code outbox_event}, routed by the
	 * user) or through a shard database's own pool, whichever the client's transaction
	 * runs on.
	 * @param sql the client of the transaction that writes the rows
	 * @param userId a user whose rows live in the event's shard database (the rows' user)
	 * @param topic the topic to publish to
	 * @param key the message key (for tracing and ordering), typically the aggregate ID
	 * @param event the event; its ID is {@link #newEventId()}'s, carried in the payload
	 */
	public void append(JdbcClient sql, long userId, String topic, String key, OutboxEvent event) {
		sql.sql("INSERT INTO outbox_event (id, user_id, topic, event_type, message_key, payload, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, NOW(3))")
			.params(event.eventId(), userId, topic, event.getClass().getSimpleName(), key, payload(event))
			.update();
	}

	private String payload(OutboxEvent event) {
		try {
			return this.json.writeValueAsString(event);
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
