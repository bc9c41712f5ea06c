package com.couponplatform.redemption;

import java.time.Clock;
import java.time.Instant;

import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.gateway.stock.TemplateStock;
import com.couponplatform.redis.RedisProperties;
import com.couponplatform.schedule.LeaderJob;

/**
 * Ends the ACTIVE batches whose window has closed, one instance at a time: the units of
 * the uses nobody took go back to the template's stock, so a campaign's leftover codes do
 * not hold its stock for ever.
 *
 * <p>
 * Uses taken are counted from the codes themselves ({@code uses_left}), not from the
 * redeemed counter, which lags by the event pipeline: a use whose coupon is still on its
 * way through the outbox is taken, and its unit stays. A grace period after the window
 * lets a redemption that checked the window just before it closed commit first; after it,
 * no use can be taken (every redemption checks the window in the code's transaction).
 */
@Component
@ConditionalOnProperty(name = "coupon.code-batches.enabled", havingValue = "true", matchIfMissing = true)
public class EndCodeBatches extends LeaderJob {

	private static final Logger logger = LoggerFactory.getLogger(EndCodeBatches.class);

	private final CodeBatchMapper batches;

	private final CodeStore codes;

	private final TemplateStock stock;

	private final CodeBatchProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	EndCodeBatches(CodeBatchMapper batches, CodeStore codes, TemplateStock stock, CodeBatchProperties properties,
			Clock clock, PlatformTransactionManager transactions, RedissonClient redis,
			RedisProperties redisProperties) {
		super("code-batch-ender", properties.getEndInterval(), redis, redisProperties.getKeyPrefix());
		this.batches = batches;
		this.codes = codes;
		this.stock = stock;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	protected void runOnce() {
		endPastDue();
	}

	/**
	 * Ends every ACTIVE batch whose window closed more than the grace period ago.
	 * @return how many this call ended
	 */
	public int endPastDue() {
		int ended = 0;
		Instant before = this.clock.instant().minus(this.properties.getEndGrace());
		for (long id : this.batches.findEnded(before)) {
			if (end(id)) {
				ended++;
			}
		}
		return ended;
	}

	private boolean end(long id) {
		CodeBatch batch = this.batches.find(id);
		long taken = batch.generated() * batch.usesPerCode() - this.codes.usesLeft(id);
		long unused = Math.max(0, batch.reserved() - taken);
		Boolean ended = this.transaction.execute((status) -> {
			if (this.batches.end(id, unused, this.clock.instant()) != 1) {
				return false;
			}
			if (unused > 0 && !this.stock.returnReserved(batch.templateId(), unused, this.clock.instant())) {
				throw new IllegalStateException("Template " + batch.templateId() + " cannot take back " + unused
						+ " units of code batch " + id);
			}
			return true;
		});
		if (Boolean.TRUE.equals(ended)) {
			logger.info("Code batch {} ended: {} uses taken, {} units back to template {}", id, taken, unused,
					batch.templateId());
			return true;
		}
		return false;
	}

}
