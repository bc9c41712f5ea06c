package com.couponplatform.redemption;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Batches as a redemption needs them, read from the global database by ID. An ACTIVE
 * batch is kept for a short while (nothing about it changes but its counters, which a
 * redemption does not read); any other is read again each time, so a batch is redeemable
 * as soon as it becomes ACTIVE.
 */
@Component
class RedeemableBatches {

	private final CodeBatchMapper batches;

	private final Cache<Long, CodeBatch> active = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofSeconds(30))
		.build();

	RedeemableBatches(CodeBatchMapper batches) {
		this.batches = batches;
	}

	Optional<CodeBatch> find(long id) {
		CodeBatch cached = this.active.getIfPresent(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		CodeBatch batch = this.batches.find(id);
		if (batch != null && batch.status() == CodeBatchStatus.ACTIVE) {
			this.active.put(id, batch);
		}
		return Optional.ofNullable(batch);
	}

}
