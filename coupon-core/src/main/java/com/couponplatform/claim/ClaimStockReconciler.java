package com.couponplatform.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.couponplatform.gateway.stock.StockGate;
import com.couponplatform.gateway.stock.TemplateStock;
import com.couponplatform.migration.MigrationEpochs;
import com.couponplatform.redis.RedisProperties;
import com.couponplatform.schedule.LeaderJob;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.UserCouponMapper;

/**
 * Keeps the claim's counters agreeing with the coupon rows, which are the truth:
 * <ol>
 * <li>A request the gate took and never confirmed, older than
 * {@code coupon.claim.pending-timeout}, belongs to a claim that died or failed without
 * compensating: if its row exists the entry is dropped, otherwise what it took is given
 * back to Redis.</li>
 * <li>Once the guarded counter has been still for {@code coupon.claim.quiet-period} (so
 * every claim that moved it has written its row or died), a counter above the rows — a
 * crash between the counter and the row — is set back to the rows, and Redis's stock to
 * {@code total − issued}.</li>
 * <li>Every pass reports the drift of Redis's stock from the database's as the
 * {@code coupon.claim.stock.drift} gauge.</li>
 * </ol>
 * One instance reconciles at a time (a Redis lock off the hot path).
 */
@Component
public class ClaimStockReconciler extends LeaderJob {

	private static final Logger logger = LoggerFactory.getLogger(ClaimStockReconciler.class);

	private static final int PENDING_BATCH = 500;

	private final TemplateStock stock;

	private final TemplateCatalog catalog;

	private final UserCouponMapper coupons;

	private final StockGate gate;

	private final ClaimMetrics metrics;

	private final ClaimProperties properties;

	private final Clock clock;

	private final Counter released;

	private final Counter repaired;

	private final ReplicaRouting routing;

	private final ShardAvailability shards;

	private final MigrationEpochs epochs;

	ClaimStockReconciler(TemplateStock stock, TemplateCatalog catalog, UserCouponMapper coupons, StockGate gate,
			ClaimMetrics metrics, ClaimProperties properties, Clock clock, RedissonClient redis,
			RedisProperties redisProperties, MeterRegistry registry, ReplicaRouting routing, ShardAvailability shards,
			MigrationEpochs epochs) {
		super("claim-reconciler", properties.getReconcileInterval(), redis, redisProperties.getKeyPrefix());
		this.epochs = epochs;
		this.routing = routing;
		this.shards = shards;
		this.stock = stock;
		this.catalog = catalog;
		this.coupons = coupons;
		this.gate = gate;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
		this.released = Counter.builder("coupon.claim.reconciled.released")
			.description("Dead claims whose Redis stock reconciliation gave back")
			.register(registry);
		this.repaired = Counter.builder("coupon.claim.reconciled.counter")
			.description("Units of the guarded counter set back to the rows")
			.register(registry);
	}

	/**
	 * Reconciles one template now.
	 * @param templateId the template
	 * @return what the pass found and did
	 */
	public Reconciliation reconcile(long templateId) {
		Instant now = this.clock.instant();
		int releasedNow = releaseDeadClaims(templateId, now.minus(this.properties.getPendingTimeout()));
		CouponTemplate template = this.catalog.getFresh(templateId);
		long issued = template.issued();
		long repairedNow = 0;
		boolean stockReset = false;
		if (isQuiet(templateId, now) && this.gate.pendingCount(templateId) == 0) {
			long rows = this.routing.primary(() -> this.coupons.countByTemplate(templateId));
			// Units issuance jobs reserved and have not written yet are not a leak.
			long expected = rows + this.stock.outstandingReservations(templateId);
			if (rows > issued) {
				logger.error("Template {} has {} coupon rows but its guarded counter says {}", templateId, rows,
						issued);
			}
			else if (expected < issued && this.stock.repair(templateId, issued, expected)) {
				logger.warn("Template {}: guarded counter {} set back to its {} coupon rows and reservations",
						templateId, issued, expected);
				repairedNow = issued - expected;
				this.repaired.increment(repairedNow);
				issued = expected;
			}
			stockReset = this.gate.resetStockIfIdle(template, Math.max(0, template.totalStock() - issued), now);
		}
		Long remaining = this.gate.remaining(templateId);
		long drift = (remaining != null) ? remaining - Math.max(0, template.totalStock() - issued) : 0;
		this.metrics.drift(templateId, drift);
		return new Reconciliation(templateId, releasedNow, repairedNow, stockReset, drift);
	}

	/** Reconciles every template that is or was lately claimable. */
	public void reconcileAll() {
		if (this.epochs.current().phase().freezesBackOffice()) {
			// OLD decides the legacy templates' stock until DUAL_WRITE_OFF (decision 1):
			// NEW's
			// copies hold no coupon rows yet, and "repairing" their counters would be
			// wrong.
			logger.debug("Reconciliation skipped: a migration is underway");
			return;
		}
		if (!this.shards.allWritable()) {
			// Rows on a shard that does not answer cannot be counted, nor its dead claims
			// told from written ones: the round after it returns repairs what this one
			// would have.
			logger.info("Reconciliation skipped: a shard database does not answer");
			return;
		}
		Instant since = this.clock.instant().minus(Duration.ofDays(1));
		for (long templateId : this.stock.claimableSince(since)) {
			try {
				reconcile(templateId);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not reconcile template {}: {}", templateId, ex.toString());
			}
		}
	}

	private int releaseDeadClaims(long templateId, Instant cutoff) {
		Collection<String> dead = this.gate.pendingSince(templateId, cutoff, PENDING_BATCH);
		int releasedNow = 0;
		for (String requestKey : dead) {
			String[] parts = requestKey.split(":", 3);
			long userId = Long.parseLong(parts[0]);
			boolean written = this.routing
				.primary(() -> this.coupons.findByOrigin(userId, CouponOrigin.valueOf(parts[1]).name(), parts[2]))
				.stream()
				.anyMatch((row) -> row.toCoupon().templateId() == templateId);
			if (written) {
				this.gate.confirm(templateId, List.of(requestKey));
			}
			else {
				this.gate.release(templateId, userId, requestKey, true);
				releasedNow++;
			}
		}
		this.released.increment(releasedNow);
		return releasedNow;
	}

	private boolean isQuiet(long templateId, Instant now) {
		Instant changed = this.stock.changedAt(templateId);
		return changed == null || !changed.isAfter(now.minus(this.properties.getQuietPeriod()));
	}

	@Override
	protected void runOnce() {
		reconcileAll();
	}

	/**
	 * One template's reconciliation.
	 *
	 * @param templateId the template
	 * @param released dead claims whose Redis stock was given back
	 * @param repaired units the guarded counter was set back by
	 * @param stockReset whether Redis's stock was set to {@code total − issued}
	 * @param drift Redis's remaining stock minus the database's, after the pass
	 */
	public record Reconciliation(long templateId, int released, long repaired, boolean stockReset, long drift) {
	}

}
