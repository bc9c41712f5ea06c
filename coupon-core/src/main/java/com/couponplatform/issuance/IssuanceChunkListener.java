package com.couponplatform.issuance;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.couponplatform.messaging.JsonEventSubscription;
import com.couponplatform.messaging.Topics;

/**
 * Consumes issuance chunks; a failure throws, so the broker delivers the chunk again.
 */
@Component
@ConditionalOnProperty(name = "coupon.issuance.enabled", havingValue = "true", matchIfMissing = true)
public class IssuanceChunkListener extends JsonEventSubscription<IssuanceChunk> {

	static final String CONSUMER = "issuance_writer";

	private final WriteIssuanceChunk writer;

	private final Topics topics;

	private final int threads;

	IssuanceChunkListener(WriteIssuanceChunk writer, ObjectMapper json, Topics topics, IssuanceProperties properties) {
		super(json, IssuanceChunk.class);
		this.threads = properties.getConsumerThreads();
		this.writer = writer;
		this.topics = topics;
	}

	@Override
	public String topic() {
		return this.topics.issuance();
	}

	@Override
	public String consumerGroup() {
		return this.topics.consumerGroup(CONSUMER);
	}

	@Override
	public int consumerThreads() {
		return this.threads;
	}

	@Override
	protected void apply(IssuanceChunk chunk) {
		this.writer.write(chunk);
	}

}
