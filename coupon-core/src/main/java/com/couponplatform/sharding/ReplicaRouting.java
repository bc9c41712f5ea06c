package com.couponplatform.sharding;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.shardingsphere.infra.hint.HintManager;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.couponplatform.redis.RedisProperties;

/**
 * Decides where a shard read outside a transaction goes when shards have replicas
 * ({@code coupon.db.replicas}); without replicas every call simply runs.
 *
 * <ul>
 * <li>A user's own reads go to a replica unless the user wrote within
 * {@code coupon.db.read-your-writes-window}: each write leaves a marker in Redis with
 * that TTL, and while it lives the user's reads are forced to the primary
 * (ShardingSphere's write-route hint). If Redis cannot answer, the read goes to the
 * primary: stale reads are the one outcome this must not produce.</li>
 * <li>Reads that decide a write (a claim's replay and limit checks, reconciliation)
 * always go to the primary.</li>
 * </ul>
 * Reads inside a transaction go to the primary anyway.
 */
@Component
public class ReplicaRouting {

	private static final Logger logger = LoggerFactory.getLogger(ReplicaRouting.class);

	private final boolean replicas;

	private final RedissonClient redis;

	private final String keyPrefix;

	private final Duration window;

	ReplicaRouting(ShardDataSources pools, DatabaseProperties database, RedissonClient redis,
			RedisProperties redisProperties) {
		this.replicas = pools.hasReplicas();
		this.redis = redis;
		this.keyPrefix = redisProperties.getKeyPrefix() + "wrote:";
		this.window = database.getReadYourWritesWindow();
	}

	/**
	 * Records that a user's rows just changed, so their next reads see it.
	 * @param userId the user
	 */
	public void wrote(long userId) {
		if (!this.replicas) {
			return;
		}
		try {
			this.redis.getBucket(this.keyPrefix + userId, StringCodec.INSTANCE).set("1", this.window);
		}
		catch (RuntimeException ex) {
			// The read side falls back to the primary whenever Redis is unreachable; a
			// marker lost while Redis still answers reads would be a stale read.
			logger.warn("Could not mark user {}'s write for read-your-writes: {}", userId, ex.toString());
		}
	}

	/**
	 * Runs a read of the user's own rows where it sees their latest writes.
	 * @param <T> the result
	 * @param userId the user
	 * @param read the read
	 * @return its result
	 */
	public <T> T forUser(long userId, Supplier<T> read) {
		if (!this.replicas || !wroteRecently(userId)) {
			return read.get();
		}
		return primary(read);
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

	private boolean wroteRecently(long userId) {
		try {
			return this.redis.getBucket(this.keyPrefix + userId, StringCodec.INSTANCE).isExists();
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

}
