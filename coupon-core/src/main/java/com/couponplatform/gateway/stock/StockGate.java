package com.couponplatform.gateway.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.couponplatform.redis.LuaScript;
import com.couponplatform.template.CouponTemplate;

/**
 * The claim's fast gate in Redis: one script call checks and takes a unit of stock and
 * one of the user's allowance, and records the request, atomically.
 *
 * <p>
 * A template's keys share the hash tag {@code {templateId}}, so each script touches one
 * slot and runs on Redis Cluster. They are:
 * <ul>
 * <li>{@code stock}: hash of {@code remaining}, and the {@code total} and template
 * {@code version} it was computed for;</li>
 * <li>{@code users}: hash of user ID to units taken;</li>
 * <li>{@code requests}: set of request keys seen, so a retry is recognised before any
 * stock is touched;</li>
 * <li>{@code pending}: sorted set of request keys taken but not yet confirmed written, by
 * time taken; reconciliation releases the ones whose claim died.</li>
 * </ul>
 * Redis is only the gate: the database's guarded counter and unique keys make over-issue
 * impossible when Redis is wrong, lost or unreachable. Every call fails soft (the claim
 * falls back to the database) and a circuit breaker stops a dead Redis from adding its
 * timeout to every claim.
 */
public class StockGate {

	private static final Logger logger = LoggerFactory.getLogger(StockGate.class);

	public static final long SEEN = -1;

	public static final long STOCK_UNKNOWN = -2;

	public static final long LIMIT_REACHED = -3;

	public static final long SOLD_OUT = -4;

	public static final long UNAVAILABLE = -5;

	/**
	 * The claim's one script call. Public so that the benchmark measures the raw rate of
	 * exactly this script: keys stock, users, requests, pending; arguments user ID,
	 * request key, per-user limit, now in ms, total stock, template version, TTL in s.
	 */
	public static final String TAKE_SCRIPT = """
			if redis.call('SISMEMBER', KEYS[3], ARGV[2]) == 1 then return -1 end
			local state = redis.call('HMGET', KEYS[1], 'remaining', 'total', 'version')
			if not state[1] then return -2 end
			local remaining = tonumber(state[1])
			if tonumber(ARGV[6]) > tonumber(state[3]) then
			  -- an edited template: move what remains by the change of its total
			  remaining = remaining + tonumber(ARGV[5]) - tonumber(state[2])
			  redis.call('HSET', KEYS[1], 'remaining', remaining, 'total', ARGV[5], 'version', ARGV[6])
			end
			local used = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
			if used >= tonumber(ARGV[3]) then return -3 end
			if remaining <= 0 then return -4 end
			redis.call('HINCRBY', KEYS[1], 'remaining', -1)
			redis.call('HSET', KEYS[2], ARGV[1], used + 1)
			redis.call('SADD', KEYS[3], ARGV[2])
			redis.call('ZADD', KEYS[4], ARGV[4], ARGV[2])
			for i = 2, 4 do
			  if redis.call('TTL', KEYS[i]) == -1 then redis.call('EXPIRE', KEYS[i], ARGV[7]) end
			end
			return used + 1
			""";

	private static final LuaScript TAKE = new LuaScript(TAKE_SCRIPT, RScript.ReturnType.INTEGER);

	// Idempotent through the pending entry: the claim's own compensation and
	// reconciliation may both try, only the first gives anything back.
	private static final LuaScript RELEASE = new LuaScript("""
			redis.call('SREM', KEYS[3], ARGV[2])
			if redis.call('ZREM', KEYS[4], ARGV[2]) == 0 then return 0 end
			if ARGV[3] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
			  redis.call('HINCRBY', KEYS[1], 'remaining', 1)
			end
			local used = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
			if used > 0 then redis.call('HSET', KEYS[2], ARGV[1], used - 1) end
			return 1
			""", RScript.ReturnType.INTEGER);

	private static final LuaScript SET_STOCK = new LuaScript("""
			if ARGV[5] == 'missing' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
			if ARGV[5] == 'idle' and redis.call('ZCARD', KEYS[2]) > 0 then return 0 end
			redis.call('HSET', KEYS[1], 'remaining', ARGV[1], 'total', ARGV[2], 'version', ARGV[3])
			redis.call('EXPIRE', KEYS[1], ARGV[4])
			return 1
			""", RScript.ReturnType.INTEGER);

	private static final LuaScript EMPTY_STOCK = new LuaScript("""
			local remaining = redis.call('HGET', KEYS[1], 'remaining')
			if remaining and tonumber(remaining) > 0 then redis.call('HSET', KEYS[1], 'remaining', 0) end
			return 0
			""", RScript.ReturnType.INTEGER);

	private static final LuaScript RAISE_USED = new LuaScript("""
			local used = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
			if tonumber(ARGV[2]) > used then
			  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			  if redis.call('TTL', KEYS[1]) == -1 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
			end
			return 0
			""", RScript.ReturnType.INTEGER);

	private final RedissonClient redis;

	private final String keyPrefix;

	private final CircuitBreaker breaker;

	public StockGate(RedissonClient redis, String keyPrefix) {
		this.redis = redis;
		this.keyPrefix = keyPrefix + "claim:";
		this.breaker = CircuitBreaker.of("claim-gate",
				CircuitBreakerConfig.custom()
					.slidingWindowSize(20)
					.minimumNumberOfCalls(10)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofSeconds(5))
					.build());
	}

	/**
	 * Takes a unit of stock and of the user's allowance for a request.
	 * @return the user's claim slot (1 … limit) when taken, else {@link #SEEN},
	 * {@link #STOCK_UNKNOWN}, {@link #LIMIT_REACHED}, {@link #SOLD_OUT} or
	 * {@link #UNAVAILABLE}
	 */
	public long take(CouponTemplate template, long userId, String requestKey, Instant now) {
		Long result = guarded(() -> TAKE.run(this.redis, keys(template.id()), Long.toString(userId), requestKey,
				Integer.toString(template.perUserLimit()), Long.toString(now.toEpochMilli()),
				Long.toString(template.totalStock()), Integer.toString(template.version()),
				Long.toString(timeToLive(template, now))));
		return (result != null) ? result : UNAVAILABLE;
	}

	/**
	 * Gives back what a request took, once, if its claim has not been confirmed.
	 * @param returnStock whether the unit of stock comes back too (not when the database
	 * says there is none)
	 */
	public void release(long templateId, long userId, String requestKey, boolean returnStock) {
		guarded(() -> RELEASE.run(this.redis, keys(templateId), Long.toString(userId), requestKey,
				returnStock ? "1" : "0"));
	}

	/**
	 * Rebuilds lost stock from the database, unless another process just did.
	 * @return whether this call wrote it
	 */
	public boolean rebuildStock(CouponTemplate template, long remaining, Instant now) {
		return setStock(template, remaining, now, "missing");
	}

	/**
	 * Overwrites the stock with the database's figure, but only while no claim is between
	 * the gate and its confirmation, so no taken unit is handed out again.
	 * @return whether it was written
	 */
	public boolean resetStockIfIdle(CouponTemplate template, long remaining, Instant now) {
		return setStock(template, remaining, now, "idle");
	}

	private boolean setStock(CouponTemplate template, long remaining, Instant now, String condition) {
		Long written = guarded(
				() -> SET_STOCK.run(this.redis, List.of(key(template.id(), "stock"), key(template.id(), "pending")),
						Long.toString(remaining), Long.toString(template.totalStock()),
						Integer.toString(template.version()), Long.toString(timeToLive(template, now)), condition));
		return written != null && written == 1;
	}

	/** The database found no stock left: so should every later claim. */
	public void empty(long templateId) {
		guarded(() -> EMPTY_STOCK.run(this.redis, List.of(key(templateId, "stock"))));
	}

	/** The database holds more of the user's claims than Redis counted. */
	public void raiseUsed(CouponTemplate template, long userId, int used, Instant now) {
		guarded(() -> RAISE_USED.run(this.redis, List.of(key(template.id(), "users")), Long.toString(userId),
				Integer.toString(used), Long.toString(timeToLive(template, now))));
	}

	/** Removes confirmed requests from the pending set, one pipeline for all. */
	public void confirm(long templateId, Collection<String> requestKeys) {
		guarded(() -> {
			RBatch batch = this.redis.createBatch();
			batch.getScoredSortedSet(key(templateId, "pending"), StringCodec.INSTANCE).removeAllAsync(requestKeys);
			batch.execute();
			return 0L;
		});
	}

	/**
	 * Forgets the template's stock in Redis after the database's counter moved outside a
	 * claim (a reservation of an issuance job or a code batch, a cancellation's
	 * give-back): the next claim rebuilds it from the database. Best effort, as the
	 * change it follows has committed: should Redis keep its old figure, claims it lets
	 * through still meet the database's guard, and reconciliation resets it once the
	 * template is quiet.
	 * @param templateId the template
	 */
	void forgetStock(long templateId) {
		try {
			this.redis.getBucket(key(templateId, "stock"), StringCodec.INSTANCE).delete();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not reset template {}'s claim stock in Redis: {}", templateId, ex.toString());
		}
	}

	/** The remaining stock, or {@code null} when Redis holds none. */
	public Long remaining(long templateId) {
		Object value = this.redis.getMap(key(templateId, "stock"), StringCodec.INSTANCE).get("remaining");
		return (value != null) ? Long.valueOf(value.toString()) : null;
	}

	/** Units a user has taken, as Redis counts them. */
	int used(long templateId, long userId) {
		Object value = this.redis.getMap(key(templateId, "users"), StringCodec.INSTANCE).get(Long.toString(userId));
		return (value != null) ? Integer.parseInt(value.toString()) : 0;
	}

	/** Pending request keys taken at or before a cut-off, oldest first. */
	public Collection<String> pendingSince(long templateId, Instant cutoff, int limit) {
		return this.redis.<String>getScoredSortedSet(key(templateId, "pending"), StringCodec.INSTANCE)
			.valueRange(Double.NEGATIVE_INFINITY, true, cutoff.toEpochMilli(), true, 0, limit);
	}

	public int pendingCount(long templateId) {
		return this.redis.getScoredSortedSet(key(templateId, "pending"), StringCodec.INSTANCE).size();
	}

	/** How the gate's circuit breaker stands, for health and tests. */
	CircuitBreaker.State state() {
		return this.breaker.getState();
	}

	private Long guarded(Supplier<Long> call) {
		try {
			return this.breaker.executeSupplier(call);
		}
		catch (RuntimeException ex) {
			logger.debug("Claim gate unavailable: {}", ex.toString());
			return null;
		}
	}

	private List<Object> keys(long templateId) {
		return List.of(key(templateId, "stock"), key(templateId, "users"), key(templateId, "requests"),
				key(templateId, "pending"));
	}

	private String key(long templateId, String part) {
		return this.keyPrefix + "{" + templateId + "}:" + part;
	}

	/**
	 * Until a day after the claim window closes; refunds and replays are rare by then.
	 */
	private static long timeToLive(CouponTemplate template, Instant now) {
		return Math.max(Duration.between(now, template.claimEnd()).plusDays(1).toSeconds(), 3600);
	}

}
