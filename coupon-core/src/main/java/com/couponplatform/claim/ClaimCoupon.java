package com.couponplatform.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.persistence.DuplicateKey;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.targeting.Eligibility;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateMapper;
import com.couponplatform.template.Validity;
import com.couponplatform.time.BusinessTime;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * A user claims one coupon of a template, idempotently by request ID.
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
@Service
public class ClaimCoupon {

	private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final TemplateCatalog catalog;

	private final TemplateMapper stock;

	private final UserCouponMapper coupons;

	private final ClaimedCouponStore store;

	private final IdGenerator ids;

	private final Clock clock;

	private final BusinessTime time;

	private final Eligibility eligibility;

	ClaimCoupon(TemplateCatalog catalog, TemplateMapper stock, UserCouponMapper coupons, ClaimedCouponStore store,
			IdGenerator ids, Clock clock, BusinessTime time, Eligibility eligibility) {
		this.catalog = catalog;
		this.stock = stock;
		this.coupons = coupons;
		this.store = store;
		this.ids = ids;
		this.clock = clock;
		this.time = time;
		this.eligibility = eligibility;
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
		Optional<UserCoupon> earlier = findEarlier(userId, templateId, requestId, origin);
		if (earlier.isPresent()) {
			return new ClaimResult(earlier.get(), true);
		}
		CouponTemplate template = this.catalog.get(templateId);
		template.checkClaimableAt(this.clock.instant());
		if (!this.eligibility.isEligible(userId, template.targeting(), template.tagFallback())) {
			throw new NotEligibleException(templateId);
		}
		// Each pass issues, replays or refuses. A pass repeats only when a concurrent
		// claim of the same user took the slot this one counted, so passes are bounded by
		// the limit.
		for (int pass = 0; pass <= template.perUserLimit(); pass++) {
			int claimed = this.coupons.countClaims(userId, templateId);
			if (claimed >= template.perUserLimit()) {
				break;
			}
			// Millisecond precision, as stored: a replay answers with exactly this
			// coupon.
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			takeStock(templateId, now);
			UserCoupon coupon = newCoupon(userId, template, requestId, origin, now);
			try {
				this.store.store(coupon, claimed + 1);
				return new ClaimResult(coupon, false);
			}
			catch (RuntimeException ex) {
				giveBack(templateId, ex);
				if (!DuplicateKey.causedBy(ex)) {
					throw ex;
				}
				earlier = findEarlier(userId, templateId, requestId, origin);
				if (earlier.isPresent()) {
					return new ClaimResult(earlier.get(), true);
				}
			}
		}
		throw new PerUserLimitReachedException(templateId, template.perUserLimit());
	}

	/**
	 * Returns the unit a failed write took. If that fails too, the unit stays taken:
	 * under-issue, which reconciliation repairs from the rows, never over-issue.
	 */
	private void giveBack(long templateId, RuntimeException writeFailure) {
		try {
			this.stock.returnStock(templateId);
		}
		catch (RuntimeException giveBackFailure) {
			writeFailure.addSuppressed(giveBackFailure);
		}
	}

	private Optional<UserCoupon> findEarlier(long userId, long templateId, String requestId, CouponOrigin origin) {
		List<UserCouponRow> rows = this.coupons.findByOrigin(userId, origin.name(), requestId);
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
		if (rows.size() > 1 || coupon.templateId() != templateId) {
			throw new IdempotencyKeyReusedException(requestId);
		}
		return Optional.of(coupon);
	}

	private void takeStock(long templateId, Instant now) {
		if (this.stock.takeStock(templateId, now) == 1) {
			return;
		}
		// The guard refused: say why, from the database rather than the cache.
		CouponTemplate fresh = this.catalog.getFresh(templateId);
		fresh.checkClaimableAt(now);
		throw new CouponSoldOutException(templateId);
	}

	private UserCoupon newCoupon(long userId, CouponTemplate template, String requestId, CouponOrigin origin,
			Instant now) {
		Validity.Window window = template.validity().windowFor(now, this.time.zone());
		return new UserCoupon(this.ids.nextId(), userId, template.id(), CouponStatus.UNUSED, template.rule(),
				window.from(), window.until(), now, origin, requestId);
	}

}
