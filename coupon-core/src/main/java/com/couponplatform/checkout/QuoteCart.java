package com.couponplatform.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.couponplatform.migration.SideResolver;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.template.Applicability;
import com.couponplatform.template.CartLine;
import com.couponplatform.template.CheckApplicability;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.Discount;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * Quotes a cart against every open coupon of the user (UNUSED or LOCKED, newest first, at
 * most {@value #MAX_COUPONS}): one read of the user's shard; each template's product
 * scope comes from the template cache, the discount rule from the coupon's own copy.
 */
@Service
public class QuoteCart {

	/** The most coupons one quote considers. */
	public static final int MAX_COUPONS = 200;

	private static final Comparator<Candidate> BEST_FIRST = Comparator
		.comparingLong((Candidate candidate) -> candidate.discount)
		.reversed()
		.thenComparing((candidate) -> candidate.coupon.validUntil())
		.thenComparingLong((candidate) -> candidate.coupon.id());

	private final UserCouponMapper coupons;

	private final TemplateCatalog catalog;

	private final CheckApplicability applicability;

	private final Clock clock;

	private final ReplicaRouting routing;

	private final SideResolver sides;

	private final ObjectProvider<LegacyOrderBooks> legacy;

	QuoteCart(UserCouponMapper coupons, TemplateCatalog catalog, CheckApplicability applicability, Clock clock,
			ReplicaRouting routing, SideResolver sides, ObjectProvider<LegacyOrderBooks> legacy) {
		this.sides = sides;
		this.legacy = legacy;
		this.routing = routing;
		this.coupons = coupons;
		this.catalog = catalog;
		this.applicability = applicability;
		this.clock = clock;
	}

	/**
	 * @param userId the cart's user
	 * @param lines the cart lines
	 * @return the quote
	 * @throws com.couponplatform.shared.InvalidInputException naming every invalid line
	 * field
	 */
	public Quote quote(long userId, List<CartLine> lines) {
		CheckApplicability.validate(lines);
		Instant now = this.clock.instant();
		List<Candidate> usable = new ArrayList<>();
		List<Quote.Unusable> unusable = new ArrayList<>();
		for (UserCoupon coupon : openCoupons(userId)) {
			Quote.Reason reason = null;
			Long missing = null;
			Applicability judged = null;
			CouponStatus status = coupon.statusAt(now);
			if (status == CouponStatus.LOCKED) {
				reason = Quote.Reason.LOCKED;
			}
			else if (status == CouponStatus.EXPIRED) {
				reason = Quote.Reason.EXPIRED;
			}
			else if (now.isBefore(coupon.validFrom())) {
				reason = Quote.Reason.NOT_STARTED;
			}
			else {
				CouponTemplate template = this.catalog.get(coupon.templateId());
				judged = this.applicability.judge(template.scope(), coupon.rule(), lines);
				if (judged.eligibleAmount() == 0) {
					reason = Quote.Reason.NO_ELIGIBLE_ITEMS;
				}
				else if (judged.discount() instanceof Discount.ThresholdNotMet notMet) {
					reason = Quote.Reason.THRESHOLD_NOT_MET;
					missing = notMet.missingAmount();
				}
			}
			if (reason != null) {
				unusable.add(new Quote.Unusable(coupon.id(), reason, missing));
			}
			else {
				usable.add(new Candidate(coupon, ((Discount.Applied) judged.discount()).amount(), judged));
			}
		}
		usable.sort(BEST_FIRST);
		Quote.Best best = usable.isEmpty() ? null : best(usable.get(0), lines);
		return new Quote(usable.stream()
			.map((candidate) -> new Quote.Usable(candidate.coupon.id(), candidate.discount))
			.toList(), unusable, best);
	}

	private List<UserCoupon> openCoupons(long userId) {
		if (this.sides.onOld(userId)) {
			return this.legacy.getObject().openCoupons(userId, MAX_COUPONS);
		}
		return this.routing.forUser(userId, () -> this.coupons.findOpen(userId, MAX_COUPONS))
			.stream()
			.map(UserCouponRow::toCoupon)
			.toList();
	}

	private static Quote.Best best(Candidate candidate, List<CartLine> lines) {
		long[] eligible = new long[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			eligible[i] = candidate.judged.lines().get(i).applies() ? lines.get(i).amount() : 0;
		}
		long[] shares = DiscountSplit.split(candidate.discount, eligible);
		List<Quote.LineDiscount> split = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			split.add(new Quote.LineDiscount(lines.get(i).skuId(), shares[i]));
		}
		return new Quote.Best(candidate.coupon.id(), candidate.discount, split);
	}

	private record Candidate(UserCoupon coupon, long discount, Applicability judged) {
	}

}
