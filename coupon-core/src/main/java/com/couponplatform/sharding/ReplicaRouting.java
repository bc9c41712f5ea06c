package com.couponplatform.sharding;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.shardingsphere.infra.hint.HintManager;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.couponplatform.redis.LuaScript;
import com.couponplatform.redis.RedisProperties;

/**
 * Decides where a shard read outside a transaction goes when the user's shard has
 * replicas ({@code coupon.db.replicas}, {@code coupon.db.shard.<i>.replicas}); without
 * replicas every call simply runs.
 *
 * <ul>
 * <li>A user's own reads go to a replica unless the user wrote within
 * {@code coupon.db.read-your-writes-window}. Each write is recorded, before it starts, in
 * its shard's list of recent writers in Redis (a sorted set by write time), and while the
 * user's entry is younger than the window their reads go to the primary (ShardingSphere's
 * write-route hint). If Redis cannot answer, the read goes to the primary: stale reads
 * are the one outcome this must not produce.</li>
 * <li>When the shard's primary does not answer (its circuit is open), its users are read
 * from the replica, except those in the list: their replica copy may miss their last
 * write, so they are refused (503) until the primary is back. The list is trimmed only by
 * writes to its shard, so it stops ageing when the primary stops taking writes: whoever
 * wrote within the window before the failure stays in it for the whole outage. It holds
 * one window's writers of one shard, small and cheap (one {@code ZSCORE} per read).</li>
 * <li>Reads that decide a write (a claim's replay and limit checks, reconciliation)
 * always go to the primary. So do all reads of a shard one of whose replicas does not
 * answer.</li>
 * </ul>
 * Reads inside a transaction go to the primary anyway.
 */
@Component
public class ReplicaRouting {

	private static final Logger logger = LoggerFactory.getLogger(ReplicaRouting.class);

	/**
	 * KEYS[1] the shard's recent writers; ARGV[1] now (ms), ARGV[2] the window (ms),
	 * ARGV[3..] the users who write.
	 */
	private static final LuaScript WROTE = new LuaScript("""
			local now = tonumber(ARGV[1])
			for i = 3, #ARGV do
			  redis.call('ZADD', KEYS[1], now, ARGV[i])
			end
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[2])))
			return 1
			""", RScript.ReturnType.INTEGER);

	/** A write time that counts as "just now": what an unreadable list answers. */
	private static final double UNKNOWN = Double.POSITIVE_INFINITY;

	private final boolean replicas;

	private final RedissonClient redis;

	private final String keyPrefix;

	private final Duration window;

	private final ShardRouter router;

	private final ShardAvailability availability;

	private final Clock clock;

	ReplicaRouting(ShardDataSources pools, DatabaseProperties database, RedissonClient redis,
			RedisProperties redisProperties, ShardRouter router, ShardAvailability availability, Clock clock) {
		this.replicas = pools.hasReplicas();
		this.redis = redis;
		this.keyPrefix = redisProperties.getKeyPrefix() + "recent-writers:";
		this.window = database.getReadYourWritesWindow();
		this.router = router;
		this.availability = availability;
		this.clock = clock;
	}

	/**
	 * Records that a user's rows are about to change, so their next reads see it.
	 * @param userId the user
	 */
	public void wrote(long userId) {
		wrote(List.of(userId));
	}

	/**
	 * Records that many users' rows are about to change (a batch of issued coupons).
	 * @param userIds the users
	 */
	public void wrote(Collection<Long> userIds) {
		if (!this.replicas || userIds.isEmpty()) {
			return;
		}
		Map<Integer, List<Object>> byDatabase = new TreeMap<>();
		for (long userId : userIds) {
			byDatabase.computeIfAbsent(this.router.locateUser(userId).database(), (database) -> new ArrayList<>())
				.add(Long.toString(userId));
		}
		long now = this.clock.millis();
		byDatabase.forEach((database, users) -> {
			if (!this.availability.hasReplicas(database)) {
				return;
			}
			List<Object> args = new ArrayList<>(users.size() + 2);
			args.add(Long.toString(now));
			args.add(Long.toString(this.window.toMillis()));
			args.addAll(users);
			try {
				WROTE.run(this.redis, List.of(key(database)), args.toArray());
			}
			catch (RuntimeException ex) {
				// The read side falls back to the primary whenever Redis is unreachable;
				// an entry lost while Redis still answers reads would be a stale read.
				logger.warn("Could not record {} writers of shard {} for read-your-writes: {}", users.size(), database,
						ex.toString());
			}
		});
	}

	/**
	 * Runs a read of the user's own rows where it sees their latest writes.
	 * @param <T> the result
	 * @param userId the user
	 * @param read the read
	 * @return its result
	 * @throws com.couponplatform.shared.RetryLaterException when the user's shard primary
	 * does not answer and the replica cannot be trusted for this user
	 */
	public <T> T forUser(long userId, Supplier<T> read) {
		if (!this.replicas) {
			return read.get();
		}
		int database = this.router.locateUser(userId).database();
		if (!this.availability.hasReplicas(database)) {
			return read.get();
		}
		Double wroteAt = lastWrite(database, userId);
		if (!this.availability.isWritable(database)) {
			if (wroteAt != null || !this.availability.replicasAnswer(database)) {
				throw ShardAvailability.unavailable(database);
			}
			return read.get();
		}
		boolean recent = wroteAt != null && wroteAt >= this.clock.millis() - this.window.toMillis();
		if (recent || !this.availability.replicasAnswer(database)) {
			return primary(read);
		}
		return read.get();
	}

	/**
	 * Runs a read on the primary.
	 * @param <T> the result
	 * @param read the read
	 * @return its result
	 */
	public <T> T primary(Supplier<T> read) {
		if (!this.replicas || HintManager.isInstantiated()) {
			return read.get();
		}
		try (HintManager hint = HintManager.getInstance()) {
			hint.setWriteRouteOnly();
			return read.get();
		}
	}

	/** When the user last wrote, by the list; {@code null} for not in it. */
	private Double lastWrite(int database, long userId) {
		try {
			return this.redis.getScoredSortedSet(key(database), StringCodec.INSTANCE).getScore(Long.toString(userId));
		}
		catch (RuntimeException ex) {
			return UNKNOWN;
		}
	}

	private String key(int database) {
		return this.keyPrefix + database;
	}

}
