package com.couponplatform.claim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.gateway.stock.TemplateStock;
import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.persistence.DuplicateKey;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.Validity;
import com.couponplatform.time.BusinessTime;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * The database's side of a claim, which alone decides whether a coupon may exist.
 *
 * <p>
 * Templates live in the global database and coupons in the user's shard, so no
 * transaction spans both. The order of steps makes that safe: stock is taken first by a
 * guarded counter in the global database ({@code issued < total_stock}), then the coupon
 * row and its event are written in the user's shard, where unique keys enforce the
 * per-user limit (one row per claim slot) and the request ID. When that write fails the
 * stock is given back. A crash between the two steps can only leave a unit taken with no
 * coupon — under-issue, which reconciliation repairs — never a coupon beyond the stock.
 */
@Component
class DatabaseClaim {

	static final String ORIGIN_KEY = "uk_user_coupon_origin";

	static final String SLOT_KEY = "uk_user_coupon_claim_slot";

	private final TemplateCatalog catalog;

	private final TemplateStock stock;

	private final UserCouponMapper coupons;

	private final CouponGateway gateway;

	private final Outbox outbox;

	private final Topics topics;

	private final Duration writeTimeout;

	private final IdGenerator ids;

	private final BusinessTime time;

	private final ReplicaRouting routing;

	DatabaseClaim(TemplateCatalog catalog, TemplateStock stock, UserCouponMapper coupons, CouponGateway gateway,
			Outbox outbox, Topics topics, ClaimProperties properties, IdGenerator ids, BusinessTime time,
			ReplicaRouting routing) {
		this.routing = routing;
		this.catalog = catalog;
		this.stock = stock;
		this.coupons = coupons;
		this.gateway = gateway;
		this.outbox = outbox;
		this.topics = topics;
		this.writeTimeout = properties.getWriteTimeout();
		this.ids = ids;
		this.time = time;
	}

	/**
	 * Claims with the database alone: the path when the Redis gate is unavailable, and
	 * when Redis and the database disagree about a user. Counts the user's claims to find
	 * the next slot; each pass issues, replays or refuses, and a pass repeats only when a
	 * concurrent claim of the same user took the slot this one counted, so passes are
	 * bounded by the limit.
	 */
	ClaimResult claim(CouponTemplate template, long userId, String requestId, CouponOrigin origin, Instant now) {
		Optional<UserCoupon> earlier = findEarlier(userId, template.id(), requestId, origin);
		if (earlier.isPresent()) {
			return new ClaimResult(earlier.get(), true);
		}
		for (int pass = 0; pass <= template.perUserLimit(); pass++) {
			int claimed = claimsOf(userId, template.id());
			if (claimed >= template.perUserLimit()) {
				break;
			}
			takeStock(template.id(), now);
			UserCoupon coupon = newCoupon(userId, template, requestId, origin, now);
			try {
				store(coupon, claimed + 1);
				return new ClaimResult(coupon, false);
			}
			catch (RuntimeException ex) {
				giveBack(template.id(), ex);
				if (!DuplicateKey.causedBy(ex)) {
					throw ex;
				}
				earlier = findEarlier(userId, template.id(), requestId, origin);
				if (earlier.isPresent()) {
					return new ClaimResult(earlier.get(), true);
				}
			}
		}
		throw new PerUserLimitReachedException(template.id(), template.perUserLimit());
	}

	/**
	 * Takes one unit of the guarded counter.
	 * @throws CouponSoldOutException, TemplateNotActiveException or
	 * ClaimWindowClosedException when the guard refuses, saying why from the database
	 */
	void takeStock(long templateId, Instant now) {
		if (this.stock.take(templateId, now)) {
			return;
		}
		CouponTemplate fresh = this.catalog.getFresh(templateId);
		fresh.checkClaimableAt(now);
		throw new CouponSoldOutException(templateId);
	}

	/** Returns the unit a failed write took ({@link TemplateStock#giveBack}). */
	void giveBack(long templateId, RuntimeException writeFailure) {
		this.stock.giveBack(templateId, writeFailure);
	}

	/**
	 * Writes the coupon row and its {@link CouponClaimed} event in one transaction of the
	 * user's shard, through the gateway, within {@code coupon.claim.write-timeout}: a
	 * bounded write is what lets reconciliation tell a dead claim from a slow one.
	 */
	void store(UserCoupon coupon, int claimSlot) {
		this.gateway.change(coupon.userId(), this.writeTimeout, (writes) -> {
			writes.insert(coupon, claimSlot);
			writes.append(this.topics.couponClaimed(), Long.toString(coupon.id()), new CouponClaimed(
					this.outbox.newEventId(), coupon.id(), coupon.templateId(), coupon.userId(), coupon.claimedAt()));
			return coupon;
		});
	}

	/**
	 * The user's claims of the template, read on the primary: a limit is decided by it.
	 */
	int claimsOf(long userId, long templateId) {
		return this.routing.primary(() -> this.coupons.countClaims(userId, templateId));
	}

	/**
	 * The coupon an earlier call with this request ID issued.
	 * @throws IdempotencyKeyReusedException when a single claim's request ID issued a
	 * coupon of another template
	 */
	Optional<UserCoupon> findEarlier(long userId, long templateId, String requestId, CouponOrigin origin) {
		// On the primary: a replica's lag would turn a replay into a second claim
		// attempt.
		List<UserCouponRow> rows = this.routing
			.primary(() -> this.coupons.findByOrigin(userId, origin.name(), requestId));
		if (origin == CouponOrigin.BATCH_CLAIM) {
			// The batch checked its request ID against its templates up front.
			return rows.stream()
				.map(UserCouponRow::toCoupon)
				.filter((coupon) -> coupon.templateId() == templateId)
				.findFirst();
		}
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		UserCoupon coupon = rows.get(0).toCoupon();
		if (coupon.templateId() != templateId) {
			throw new IdempotencyKeyReusedException(requestId);
		}
		return Optional.of(coupon);
	}

	UserCoupon newCoupon(long userId, CouponTemplate template, String requestId, CouponOrigin origin, Instant now) {
		Validity.Window window = template.validity().windowFor(now, this.time.zone());
		return new UserCoupon(this.ids.nextId(), userId, template.id(), CouponStatus.UNUSED, template.rule(),
				window.from(), window.until(), now, origin, requestId);
	}

}
