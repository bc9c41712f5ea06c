package com.couponplatform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription whose messages are one JSON event type. A malformed message is logged
 * and dropped, since redelivery cannot fix it; a failure to apply a good one throws, so
 * the broker delivers it again.
 *
 * @param <E> the event type
 */
public abstract class JsonEventSubscription<E> implements EventSubscription {

	private static final Logger logger = LoggerFactory.getLogger(JsonEventSubscription.class);

	private final ObjectMapper json;

	private final Class<E> type;

	protected JsonEventSubscription(ObjectMapper json, Class<E> type) {
		this.json = json;
		this.type = type;
	}

	/**
	 * Applies one event; must be idempotent by event ID.
	 * @param event the parsed event
	 */
	protected abstract void apply(E event);

	@Override
	public final void handle(String payload) {
		E event;
		try {
			event = this.json.readValue(payload, this.type);
		}
		catch (JsonProcessingException ex) {
			logger.error("Dropping a malformed {} message: {}", this.type.getSimpleName(), payload, ex);
			return;
		}
		apply(event);
	}

}
