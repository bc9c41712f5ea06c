package com.couponplatform.redemption;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.couponplatform.redis.RedisProperties;
import com.couponplatform.schedule.LeaderJob;

/**
 * Draws the codes of GENERATING batches, one instance at a time: a chunk of codes from a
 * {@link SecureRandom}, stored with {@code INSERT IGNORE} (a code that exists already, in
 * any batch, is skipped by its primary key and drawn again), then the progress recorded.
 * The progress is not in the codes' transactions (they span shards), so a run that starts
 * — after a crash as after a pause — first counts the batch's codes in storage; the batch
 * becomes ACTIVE with that count equal to its quantity.
 */
@Component
@ConditionalOnProperty(name = "coupon.code-batches.enabled", havingValue = "true", matchIfMissing = true)
public class CodeBatchGenerator extends LeaderJob {

	private static final Logger logger = LoggerFactory.getLogger(CodeBatchGenerator.class);

	private final CodeBatchMapper batches;

	private final CodeStore codes;

	private final CodeBatchProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	CodeBatchGenerator(CodeBatchMapper batches, CodeStore codes, CodeBatchProperties properties, Clock clock,
			RedissonClient redis, RedisProperties redisProperties) {
		super("code-batch-generator", properties.getPollInterval(), redis, redisProperties.getKeyPrefix());
		this.batches = batches;
		this.codes = codes;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * An import that stored nothing for this long has lost its process (an import records
	 * each chunk it stores).
	 */
	static final Duration ABANDONED_IMPORT = Duration.ofMinutes(10);

	@Override
	protected void runOnce() {
		for (long id : this.batches.findGenerating()) {
			generate(id);
		}
		discardAbandonedImports();
	}

	/**
	 * Deletes the codes and the row of every import whose process died mid-file: they
	 * were never redeemable (the batch was not ACTIVE) and reserved no stock, and left in
	 * place they would block the same codes from a new import.
	 */
	void discardAbandonedImports() {
		for (long id : this.batches.findAbandonedImports(this.clock.instant().minus(ABANDONED_IMPORT))) {
			this.codes.delete(id);
			if (this.batches.deleteImporting(id) == 1) {
				logger.warn("Code batch {}: discarded an import abandoned mid-file", id);
			}
		}
	}

	/**
	 * Fills one batch to its quantity.
	 * @param id the batch
	 */
	void generate(long id) {
		CodeBatch batch = this.batches.find(id);
		if (batch == null || batch.status() != CodeBatchStatus.GENERATING) {
			return;
		}
		CodeShape shape = batch.shape();
		long generated = this.codes.count(id);
		long started = System.nanoTime();
		while (generated < batch.quantity()) {
			int size = (int) Math.min(this.properties.getChunk(), batch.quantity() - generated);
			Set<String> drawn = new HashSet<>(size * 2);
			while (drawn.size() < size) {
				drawn.add(shape.draw(this.random));
			}
			int stored = this.codes.insert(id, batch.usesPerCode(), drawn, this.clock.instant());
			generated += stored;
			this.batches.progress(id, generated, size - stored, this.clock.instant());
		}
		if (this.batches.activate(id, generated, this.clock.instant()) == 1) {
			logger.info("Code batch {}: {} codes generated in {} ms", id, generated,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

}
