package com.couponplatform.checkout;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.checkout.LegacyOrderBooks.OverdueLock;
import com.couponplatform.redis.RedisProperties;
import com.couponplatform.schedule.LeaderJob;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.sharding.ShardTransactions;
import com.couponplatform.shared.RetryLaterException;

/**
 * Releases locks that no order consumed within {@code coupon.checkout.lock-timeout}:
 * reads each physical {@code coupon_order} table's overdue locks by its status index, and
 * releases each through {@link ReleaseOrderCoupon#releaseOverdue}, which re-checks under
 * the order's row lock — a consume racing the sweep either wins or finds it released.
 * Like every coupon change it passes the gateway, so a user whose coupons are not on this
 * side is left alone. With a legacy database, the locks the platform made there are swept
 * the same way (their order rows, {@code t_coupon_migration_order}, say when they are
 * due).
 */
@Component
public class StaleLockSweeper extends LeaderJob {

	private static final Logger logger = LoggerFactory.getLogger(StaleLockSweeper.class);

	private static final int BATCH = 200;

	private final ShardTransactions shards;

	private final ShardAvailability availability;

	private final ReleaseOrderCoupon release;

	private final Clock clock;

	private final Counter released;

	private final ObjectProvider<LegacyOrderBooks> legacy;

	StaleLockSweeper(ShardTransactions shards, ShardAvailability availability, ReleaseOrderCoupon release,
			CheckoutProperties properties, Clock clock, RedissonClient redis, RedisProperties redisProperties,
			MeterRegistry registry, ObjectProvider<LegacyOrderBooks> legacy) {
		super("checkout-lock-sweeper", properties.getLockSweepInterval(), redis, redisProperties.getKeyPrefix());
		this.legacy = legacy;
		this.shards = shards;
		this.availability = availability;
		this.release = release;
		this.clock = clock;
		this.released = Counter.builder("coupon.checkout.locks.released")
			.description("Order locks released because they were not consumed in time")
			.register(registry);
	}

	@Override
	protected void runOnce() {
		sweep();
	}

	/**
	 * Releases every lock overdue now.
	 * @return how many this call released
	 */
	public int sweep() {
		int total = 0;
		for (ShardLocation location : this.availability.writableLocations()) {
			try {
				total += sweep(location.database(), location.physicalTable("coupon_order"));
			}
			catch (RuntimeException ex) {
				// A shard that stopped answering mid-round: the next round sweeps it.
				logger.warn("Could not release the overdue locks of {}: {}", location, ex.toString());
			}
		}
		LegacyOrderBooks old = this.legacy.getIfAvailable();
		if (old != null) {
			try {
				total += release(() -> old.overdue(this.clock.instant(), BATCH));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not release the overdue locks in the legacy database: {}", ex.toString());
			}
		}
		this.released.increment(total);
		if (total > 0) {
			logger.info("Released {} order locks not consumed in time", total);
		}
		return total;
	}

	private int sweep(int database, String table) {
		return release(() -> overdue(database, table));
	}

	/**
	 * Releases batch after batch of overdue locks, each re-checked under its order's
	 * lock.
	 */
	private int release(Supplier<List<OverdueLock>> batches) {
		int releasedHere = 0;
		while (true) {
			List<OverdueLock> overdue = batches.get();
			int releasedNow = 0;
			for (OverdueLock lock : overdue) {
				try {
					if (this.release.releaseOverdue(lock.userId(), lock.orderId())) {
						releasedNow++;
					}
				}
				catch (RetryLaterException moving) {
					// The user's coupons are changing sides: the side that holds them
					// releases the lock (decision 10), or the next sweep does.
					logger.debug("Left the lock of order {} alone: {}", lock.orderId(), moving.getMessage());
				}
			}
			releasedHere += releasedNow;
			// A batch that released nothing would be read again as it is.
			if (overdue.size() < BATCH || releasedNow == 0) {
				return releasedHere;
			}
		}
	}

	private List<OverdueLock> overdue(int database, String table) {
		return this.shards.sql(database)
			.sql("SELECT user_id, order_id FROM " + table
					+ " WHERE status = 'LOCKED' AND lock_expires_at <= ? ORDER BY lock_expires_at LIMIT " + BATCH)
			.param(UtcInstants.text(this.clock.instant()))
			.query((rs, n) -> new OverdueLock(rs.getLong(1), rs.getString(2)))
			.list();
	}

}
