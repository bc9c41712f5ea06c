package com.couponplatform.checkout;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.redis.RedisProperties;
import com.couponplatform.schedule.LeaderJob;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.wallet.CouponStatus;

/**
 * Rewrites UNUSED coupons past their end as EXPIRED. Readers already treat them as
 * expired; the job makes the rows (and the statistics) say so.
 *
 * <p>
 * It walks every physical {@code user_coupon} table in keyset order of
 * {@code (valid_until, id)} on the status index, a batch per short transaction at READ
 * COMMITTED through the gateway ({@link CouponGateway#expire}): the batch's rows are
 * locked, updated and their {@link CouponStatusChanged} events (one per template) written
 * to the same shard's outbox, then committed — no table-wide lock, no gap locks, and a
 * checkout call on one of those coupons waits at most one batch. A coupon locked by an
 * order in between is no longer UNUSED and is left alone.
 */
@Component
public class CouponExpirer extends LeaderJob {

	private static final Logger logger = LoggerFactory.getLogger(CouponExpirer.class);

	private final CouponGateway gateway;

	private final ShardAvailability shards;

	private final Outbox outbox;

	private final Topics topics;

	private final CheckoutProperties properties;

	private final Clock clock;

	private final Counter expired;

	private final ObjectProvider<LegacyOrderBooks> legacy;

	CouponExpirer(CouponGateway gateway, ShardAvailability shards, Outbox outbox, Topics topics,
			CheckoutProperties properties, Clock clock, RedissonClient redis, RedisProperties redisProperties,
			MeterRegistry registry, ObjectProvider<LegacyOrderBooks> legacy) {
		super("coupon-expirer", properties.getExpiryInterval(), redis, redisProperties.getKeyPrefix());
		this.legacy = legacy;
		this.gateway = gateway;
		this.shards = shards;
		this.outbox = outbox;
		this.topics = topics;
		this.properties = properties;
		this.clock = clock;
		this.expired = Counter.builder("coupon.checkout.coupons.expired")
			.description("UNUSED coupons past their end rewritten as EXPIRED")
			.register(registry);
	}

	@Override
	protected void runOnce() {
		expire();
	}

	/**
	 * Expires every coupon past its end now.
	 * @return how many this call expired
	 */
	public long expire() {
		Instant now = this.clock.instant();
		long total = 0;
		for (ShardLocation location : this.shards.writableLocations()) {
			try {
				total += expire(location, now);
			}
			catch (RuntimeException ex) {
				// A shard that stopped answering mid-round: the others go on, the next
				// round resumes it (the cursor starts from the oldest due row again).
				logger.warn("Could not expire the coupons of {}: {}", location, ex.toString());
			}
		}
		LegacyOrderBooks old = this.legacy.getIfAvailable();
		if (old != null) {
			try {
				total += old.expire(now);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not expire the coupons in the legacy database: {}", ex.toString());
			}
		}
		this.expired.increment(total);
		if (total > 0) {
			logger.info("Expired {} coupons past their end", total);
		}
		return total;
	}

	private long expire(ShardLocation location, Instant now) {
		long expiredHere = 0;
		CouponGateway.ExpiryCursor cursor = CouponGateway.ExpiryCursor.START;
		while (cursor != null) {
			CouponGateway.ExpiryBatch batch = this.gateway.expire(location, cursor, now,
					this.properties.getExpiryBatchSize(),
					(templateId, count) -> new CouponGateway.ExpiredEvent(this.topics.couponStatusChanged(),
							new CouponStatusChanged(this.outbox.newEventId(), templateId, CouponStatus.UNUSED,
									CouponStatus.EXPIRED, count, 0, now)));
			expiredHere += batch.expired();
			cursor = batch.next();
		}
		return expiredHere;
	}

}
