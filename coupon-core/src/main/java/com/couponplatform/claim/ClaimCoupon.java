package com.couponplatform.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.couponplatform.gateway.stock.StockGate;
import com.couponplatform.migration.SideResolver;
import com.couponplatform.persistence.DuplicateKey;
import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.RuleViolationException;
import com.couponplatform.targeting.Eligibility;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.UserCoupon;

/**
 * A user claims one coupon of a template, idempotently by request ID.
 *
 * <p>
 * The hot path is one Redis script call ({@link StockGate}) that takes a unit of stock
 * and of the user's allowance, then the database's own guards ({@link DatabaseClaim}): a
 * guarded counter and unique keys that hold even when Redis is wrong. So a flash sale's
 * refusals — most of its traffic — never reach the database, and its issues cost one
 * counter update and one shard transaction each. When the database refuses or fails after
 * the gate took stock, the gate is given back what it took; when the process dies there,
 * reconciliation does it ({@link ClaimStockReconciler}). A user the legacy database
 * serves claims there instead ({@link LegacyClaims}), without the gate.
 */
@Service
public class ClaimCoupon {

	private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final TemplateCatalog catalog;

	private final Eligibility eligibility;

	private final StockGate gate;

	private final PendingConfirmations confirmations;

	private final DatabaseClaim database;

	private final ClaimMetrics metrics;

	private final Clock clock;

	private final ObjectProvider<ClaimFaultPoint> faults;

	private final ShardAvailability shards;

	private final Map<Long, CompletableFuture<Void>> rebuilding = new ConcurrentHashMap<>();

	private final SideResolver sides;

	private final ObjectProvider<LegacyClaims> legacy;

	ClaimCoupon(TemplateCatalog catalog, Eligibility eligibility, StockGate gate, PendingConfirmations confirmations,
			DatabaseClaim database, ClaimMetrics metrics, Clock clock, ObjectProvider<ClaimFaultPoint> faults,
			ShardAvailability shards, SideResolver sides, ObjectProvider<LegacyClaims> legacy) {
		this.sides = sides;
		this.legacy = legacy;
		this.shards = shards;
		this.catalog = catalog;
		this.eligibility = eligibility;
		this.gate = gate;
		this.confirmations = confirmations;
		this.database = database;
		this.metrics = metrics;
		this.clock = clock;
		this.faults = faults;
	}

	/**
	 * Claims a coupon, or replays an earlier claim with the same request ID.
	 * @param userId the claiming user
	 * @param templateId the template to claim
	 * @param requestId the client's idempotency key, 1–64 of {@code [A-Za-z0-9_-]}
	 * @return the coupon, and whether it is a replay
	 */
	public ClaimResult claim(long userId, long templateId, String requestId) {
		checkRequestId(requestId);
		return claim(userId, templateId, requestId, CouponOrigin.CLAIM);
	}

	static void checkRequestId(String requestId) {
		if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
			throw new InvalidInputException("requestId", "must be 1 to 64 characters of A-Z a-z 0-9 _ -");
		}
	}

	/**
	 * Claims one template for a single claim or for one item of a batch.
	 * @param origin {@link CouponOrigin#CLAIM}, or {@link CouponOrigin#BATCH_CLAIM} where
	 * one request ID covers several templates
	 */
	ClaimResult claim(long userId, long templateId, String requestId, CouponOrigin origin) {
		Timer.Sample sample = this.metrics.start();
		try {
			ClaimResult result;
			if (this.sides.onOld(userId)) {
				// OLD replays before any rule inside its own transaction.
				result = this.legacy.getObject().claim(userId, templateId, requestId, origin);
			}
			else {
				try {
					result = decide(userId, templateId, requestId, origin);
				}
				catch (RuleViolationException refused) {
					result = replayInsteadOf(refused, userId, templateId, requestId, origin);
				}
			}
			this.metrics.issued(sample, result.replayed());
			return result;
		}
		catch (RuleViolationException refused) {
			this.metrics.refused(sample, refused.code());
			throw refused;
		}
		catch (RuntimeException failed) {
			this.metrics.failed(sample);
			throw failed;
		}
	}

	/**
	 * A refused single claim may be a replay, or a request ID reused for another
	 * template: the contract answers both before any rule (PRODUCT.md), so whatever the
	 * stock, window or status now say, the first call's coupon is replayed and a reuse is
	 * 422. Costs one primary read per refused claim. A batch checked its request ID up
	 * front, and a per-user limit refusal has read the earlier claim already.
	 */
	private ClaimResult replayInsteadOf(RuleViolationException refused, long userId, long templateId, String requestId,
			CouponOrigin origin) {
		if (origin != CouponOrigin.CLAIM || refused instanceof PerUserLimitReachedException
				|| refused instanceof IdempotencyKeyReusedException) {
			throw refused;
		}
		Optional<UserCoupon> earlier;
		try {
			earlier = this.database.findEarlier(userId, templateId, requestId, origin);
		}
		catch (IdempotencyKeyReusedException reused) {
			throw reused;
		}
		catch (RuntimeException unreadable) {
			// The shard cannot say: the refusal the rules gave stays the answer.
			refused.addSuppressed(unreadable);
			throw refused;
		}
		return earlier.map((coupon) -> new ClaimResult(coupon, true)).orElseThrow(() -> refused);
	}

	private ClaimResult decide(long userId, long templateId, String requestId, CouponOrigin origin) {
		// A user whose shard does not answer could only take stock to give it back.
		this.shards.requireWritable(userId);
		CouponTemplate template = this.catalog.get(templateId);
		// Millisecond precision, as stored: a replay answers with exactly this coupon.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		template.checkClaimableAt(now);
		if (!this.eligibility.isEligible(userId, template.targeting(), template.tagFallback())) {
			throw new NotEligibleException(templateId);
		}
		String requestKey = requestKey(userId, origin, requestId);
		long decision = this.gate.take(template, userId, requestKey, now);
		if (decision == StockGate.STOCK_UNKNOWN) {
			rebuildStock(templateId, now);
			decision = this.gate.take(template, userId, requestKey, now);
		}
		if (decision == StockGate.UNAVAILABLE || decision == StockGate.STOCK_UNKNOWN) {
			this.metrics.fellBackToDatabase();
			return this.database.claim(template, userId, requestId, origin, now);
		}
		this.metrics.decidedByRedis();
		if (decision > 0) {
			return write(template, userId, requestId, origin, requestKey, (int) decision, now);
		}
		if (decision == StockGate.SEEN) {
			// A retry. Its first call issued, or is still writing, or died after the
			// gate: the database's unique key lets exactly one of them write the row.
			return this.database.claim(template, userId, requestId, origin, now);
		}
		if (decision == StockGate.LIMIT_REACHED) {
			// A user at the limit may be retrying a claim Redis has no record of (issued
			// while Redis was unreachable or before it lost its data).
			Optional<UserCoupon> earlier = this.database.findEarlier(userId, templateId, requestId, origin);
			if (earlier.isPresent()) {
				return new ClaimResult(earlier.get(), true);
			}
			throw new PerUserLimitReachedException(templateId, template.perUserLimit());
		}
		throw new CouponSoldOutException(templateId);
	}

	/** The database half of a claim the gate let through with the user's slot. */
	private ClaimResult write(CouponTemplate template, long userId, String requestId, CouponOrigin origin,
			String requestKey, int slot, Instant now) {
		boolean stockTaken = false;
		try {
			ClaimFaultPoint faults = this.faults.getIfAvailable(() -> ClaimFaultPoint.NONE);
			faults.afterGate(userId, template.id(), requestId);
			this.database.takeStock(template.id(), now);
			stockTaken = true;
			faults.afterStock(userId, template.id(), requestId);
			UserCoupon coupon = this.database.newCoupon(userId, template, requestId, origin, now);
			this.database.store(coupon, slot);
			this.confirmations.add(template.id(), requestKey);
			return new ClaimResult(coupon, false);
		}
		catch (CouponSoldOutException soldOut) {
			// Redis believed in stock the database does not have: stop letting claims in.
			this.gate.release(template.id(), userId, requestKey, false);
			this.gate.empty(template.id());
			throw soldOut;
		}
		catch (RuntimeException ex) {
			if (stockTaken) {
				this.database.giveBack(template.id(), ex);
			}
			if (DuplicateKey.causedBy(ex)) {
				return resolveDuplicate(template, userId, requestId, origin, requestKey, now, ex);
			}
			this.gate.release(template.id(), userId, requestKey, true);
			throw ex;
		}
	}

	private ClaimResult resolveDuplicate(CouponTemplate template, long userId, String requestId, CouponOrigin origin,
			String requestKey, Instant now, RuntimeException duplicate) {
		if (DuplicateKey.onKey(duplicate, DatabaseClaim.SLOT_KEY)) {
			// Redis counted fewer of this user's claims than the database holds (it lost
			// data): the database decides, then Redis learns the user's real count.
			try {
				ClaimResult result = this.database.claim(template, userId, requestId, origin, now);
				this.confirmations.add(template.id(), requestKey);
				return result;
			}
			catch (RuntimeException refused) {
				this.gate.release(template.id(), userId, requestKey, true);
				throw refused;
			}
			finally {
				learnUsed(template, userId, now);
			}
		}
		try {
			// The request ID already issued: this call is a retry racing its first call,
			// whose row now stands for the unit this call took from Redis.
			Optional<UserCoupon> earlier = this.database.findEarlier(userId, template.id(), requestId, origin);
			if (earlier.isEmpty()) {
				throw duplicate;
			}
			this.confirmations.add(template.id(), requestKey);
			return new ClaimResult(earlier.get(), true);
		}
		catch (RuntimeException refused) {
			this.gate.release(template.id(), userId, requestKey, true);
			throw refused;
		}
	}

	/** Best effort: a failure here must not hide the claim's own outcome. */
	private void learnUsed(CouponTemplate template, long userId, Instant now) {
		try {
			this.gate.raiseUsed(template, userId, this.database.claimsOf(userId, template.id()), now);
		}
		catch (RuntimeException ex) {
			// Redis keeps its lower count; the slot key catches the user again.
		}
	}

	/**
	 * Redis has no stock for the template (first claim, expiry, or lost data): rebuilds
	 * it from what the database says was issued, never from the template's total. One
	 * rebuild per template at a time in this process; the script's "only if missing"
	 * keeps other processes' rebuilds from overwriting claims already taken.
	 */
	private void rebuildStock(long templateId, Instant now) {
		CompletableFuture<Void> mine = new CompletableFuture<>();
		CompletableFuture<Void> running = this.rebuilding.putIfAbsent(templateId, mine);
		if (running != null) {
			running.join();
			return;
		}
		try {
			CouponTemplate fresh = this.catalog.getFresh(templateId);
			this.gate.rebuildStock(fresh, Math.max(0, fresh.totalStock() - fresh.issued()), now);
			mine.complete(null);
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.rebuilding.remove(templateId, mine);
		}
	}

	static String requestKey(long userId, CouponOrigin origin, String requestId) {
		return userId + ":" + origin.name() + ":" + requestId;
	}

}
