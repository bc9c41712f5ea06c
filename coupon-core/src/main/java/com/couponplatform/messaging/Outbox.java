package com.couponplatform.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
		this.events.insert(event.eventId(), userId, topic, event.getClass().getSimpleName(), key, payload(event));
	}

	/**
	 * Stores an event through a connection to one shard database, for jobs that work on
	 * physical tables directly; the caller's transaction on that connection must also
	 * hold the rows the event describes.
	 * @param connection a connection to the shard database of the rows, not in
	 * auto-commit
	 * @param userId a user whose rows live in that database
	 * @param topic the topic to publish to
	 * @param key the message key
	 * @param event the event
	 * @throws SQLException when the insert fails
	 */
	public void append(Connection connection, long userId, String topic, String key, OutboxEvent event)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event "
				+ "(id, user_id, topic, event_type, message_key, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, NOW(3))")) {
			insert.setLong(1, event.eventId());
			insert.setLong(2, userId);
			insert.setString(3, topic);
			insert.setString(4, event.getClass().getSimpleName());
			insert.setString(5, key);
			insert.setString(6, payload(event));
			insert.executeUpdate();
		}
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
