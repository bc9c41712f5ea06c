package com.couponplatform.checkout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;

import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.persistence.LocalTransaction;
import com.couponplatform.redis.RedisProperties;
import com.couponplatform.schedule.LeaderJob;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.wallet.CouponStatus;

/**
 * Rewrites UNUSED coupons past their end as EXPIRED. Readers already treat them as
 * expired; the job makes the rows (and the statistics) say so.
 *
 * <p>
 * It walks every physical {@code user_coupon} table in keyset order of
 * {@code (valid_until, id)} on the status index, a batch per short transaction at READ
 * COMMITTED: the batch's rows are locked, updated and their {@link CouponStatusChanged}
 * events (one per template) written to the same shard's outbox, then committed — no
 * table-wide lock, no gap locks, and a checkout call on one of those coupons waits at
 * most one batch. A coupon locked by an order in between is no longer UNUSED and is left
 * alone.
 */
@Component
public class CouponExpirer extends LeaderJob {

	private static final Logger logger = LoggerFactory.getLogger(CouponExpirer.class);

	private final ShardDataSources dataSources;

	private final ShardRouter router;

	private final Outbox outbox;

	private final Topics topics;

	private final CheckoutProperties properties;

	private final Clock clock;

	private final Counter expired;

	CouponExpirer(ShardDataSources dataSources, ShardRouter router, Outbox outbox, Topics topics,
			CheckoutProperties properties, Clock clock, RedissonClient redis, RedisProperties redisProperties,
			MeterRegistry registry) {
		super("coupon-expirer", properties.getExpiryInterval(), redis, redisProperties.getKeyPrefix());
		this.dataSources = dataSources;
		this.router = router;
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
		for (ShardLocation location : this.router.layout().locations()) {
			total += expire(location.database(), location.physicalTable("user_coupon"), now);
		}
		this.expired.increment(total);
		if (total > 0) {
			logger.info("Expired {} coupons past their end", total);
		}
		return total;
	}

	private long expire(int database, String table, Instant now) {
		long expiredHere = 0;
		Cursor cursor = new Cursor(Instant.EPOCH, 0);
		try {
			while (cursor != null) {
				Cursor after = cursor;
				Batch batch = LocalTransaction.readCommitted(this.dataSources.shard(database),
						(connection) -> expireBatch(connection, table, after, now));
				expiredHere += batch.expired;
				cursor = batch.next;
			}
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("expiring coupons of " + table, null, ex);
		}
		return expiredHere;
	}

	/**
	 * One batch: the next past-due UNUSED rows after the cursor, expired in the open
	 * transaction.
	 */
	private Batch expireBatch(Connection connection, String table, Cursor after, Instant now) throws SQLException {
		int size = this.properties.getExpiryBatchSize();
		List<Long> ids = new ArrayList<>(size);
		Map<Long, Long> perTemplate = new TreeMap<>();
		long someUser = 0;
		Cursor last = null;
		try (PreparedStatement select = connection.prepareStatement("SELECT id, user_id, template_id, valid_until FROM "
				+ table
				+ " WHERE status = 'UNUSED' AND valid_until >= ? AND valid_until <= ? AND (valid_until > ? OR id > ?) "
				+ "ORDER BY valid_until, id LIMIT " + size + " FOR UPDATE")) {
			select.setTimestamp(1, Timestamp.from(after.validUntil));
			select.setTimestamp(2, Timestamp.from(now));
			select.setTimestamp(3, Timestamp.from(after.validUntil));
			select.setLong(4, after.id);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
					someUser = rows.getLong(2);
					perTemplate.merge(rows.getLong(3), 1L, Long::sum);
					last = new Cursor(rows.getTimestamp(4).toInstant(), rows.getLong(1));
				}
			}
		}
		if (ids.isEmpty()) {
			return new Batch(0, null);
		}
		String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
		try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
				+ " SET status = 'EXPIRED', version = version + 1, updated_at = ? WHERE status = 'UNUSED' AND id IN ("
				+ marks + ")")) {
			update.setTimestamp(1, Timestamp.from(now));
			for (int i = 0; i < ids.size(); i++) {
				update.setLong(i + 2, ids.get(i));
			}
			int updated = update.executeUpdate();
			if (updated != ids.size()) {
				// The rows are locked by this transaction: a difference means a bug, not
				// a race.
				throw new IllegalStateException(
						"Expected to expire " + ids.size() + " rows of " + table + ", did " + updated);
			}
		}
		for (Map.Entry<Long, Long> template : perTemplate.entrySet()) {
			CouponStatusChanged event = new CouponStatusChanged(this.outbox.newEventId(), template.getKey(),
					CouponStatus.UNUSED, CouponStatus.EXPIRED, template.getValue(), 0, now);
			this.outbox.append(connection, someUser, this.topics.couponStatusChanged(),
					Long.toString(template.getKey()), event);
		}
		return new Batch(ids.size(), (ids.size() < size) ? null : last);
	}

	private record Cursor(Instant validUntil, long id) {
	}

	private record Batch(long expired, Cursor next) {
	}

}
