package com.couponplatform.claim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.couponplatform.migration.SideResolver;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.shared.Problem;
import com.couponplatform.shared.RuleViolationException;
import com.couponplatform.shared.Violations;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * A user claims several templates in one call: each is claimed on its own (the same
 * guards as a single claim), so some may succeed while others are refused. One request ID
 * covers the batch; repeating the call replays every coupon it issued and tries the
 * refused items again.
 */
@Service
public class ClaimCouponBatch {

	public static final int MAX_TEMPLATES = 20;

	private final ClaimCoupon claimCoupon;

	private final UserCouponMapper coupons;

	private final ReplicaRouting routing;

	private final SideResolver sides;

	private final ObjectProvider<LegacyClaims> legacy;

	ClaimCouponBatch(ClaimCoupon claimCoupon, UserCouponMapper coupons, ReplicaRouting routing, SideResolver sides,
			ObjectProvider<LegacyClaims> legacy) {
		this.sides = sides;
		this.legacy = legacy;
		this.routing = routing;
		this.claimCoupon = claimCoupon;
		this.coupons = coupons;
	}

	/**
	 * Claims every template of the batch, in the order given.
	 * @param userId the claiming user
	 * @param templateIds 1 to {@value #MAX_TEMPLATES} distinct template IDs
	 * @param requestId the client's idempotency key for the whole batch
	 * @return one result per template, in the order given
	 * @throws com.couponplatform.shared.InvalidInputException for a malformed batch
	 * @throws IdempotencyKeyReusedException when the request ID was used for other
	 * templates
	 */
	public List<ItemResult> claim(long userId, List<Long> templateIds, String requestId) {
		ClaimCoupon.checkRequestId(requestId);
		Violations violations = new Violations();
		violations.require(templateIds != null && !templateIds.isEmpty() && templateIds.size() <= MAX_TEMPLATES,
				"templateIds", "must list 1 to " + MAX_TEMPLATES + " templates");
		violations.require(templateIds == null || new HashSet<>(templateIds).size() == templateIds.size(),
				"templateIds", "must not repeat a template");
		violations.throwIfAny();
		if (!Set.copyOf(templateIds).containsAll(earlierTemplates(userId, requestId))) {
			throw new IdempotencyKeyReusedException(requestId);
		}
		List<ItemResult> results = new ArrayList<>(templateIds.size());
		for (long templateId : templateIds) {
			try {
				results.add(new ItemResult(templateId,
						this.claimCoupon.claim(userId, templateId, requestId, CouponOrigin.BATCH_CLAIM), null));
			}
			catch (RuleViolationException refused) {
				results.add(new ItemResult(templateId, null, Problem.of(refused)));
			}
		}
		return results;
	}

	/** The templates an earlier batch with this request ID issued. */
	private Set<Long> earlierTemplates(long userId, String requestId) {
		if (this.sides.onOld(userId)) {
			return this.legacy.getObject().batchTemplates(userId, requestId);
		}
		Set<Long> templates = new HashSet<>();
		for (UserCouponRow row : this.routing
			.primary(() -> this.coupons.findByOrigin(userId, CouponOrigin.BATCH_CLAIM.name(), requestId))) {
			templates.add(row.toCoupon().templateId());
		}
		return templates;
	}

	/**
	 * The outcome for one template of a batch.
	 *
	 * @param templateId the template
	 * @param claim the coupon and whether it was replayed, or {@code null} when refused
	 * @param error why it was refused, or {@code null}
	 */
	public record ItemResult(long templateId, ClaimResult claim, Problem error) {
	}

}
