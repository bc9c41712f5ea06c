package com.couponplatform.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.couponplatform.gateway.CopiedCoupon;
import com.couponplatform.legacy.ClaimSlots;
import com.couponplatform.legacy.CouponMapping;
import com.couponplatform.legacy.DataIssue;
import com.couponplatform.legacy.LegacyClaimRequest;
import com.couponplatform.legacy.LegacyCoupon;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.MigratedCoupon;
import com.couponplatform.legacy.MigratedTemplate;
import com.couponplatform.legacy.store.OldTemplates;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.UserCoupon;

/**
 * One user's legacy coupons as NEW's copy holds them: each mapped with its template
 * (decision 9), its per-user claim slot ({@link ClaimSlots}) and, when the platform
 * issued it on OLD, the claim's request ID as its origin key, so that a retry after the
 * cutover replays (decision 8). A coupon the mapping cannot map without inventing a value
 * (its template held back by the static copy, a state or get_type out of range) is held
 * back and reported: the copy leaves it out, and the verifier does not count it as
 * missing.
 */
final class MappedCoupons {

	private final OldTemplates templates;

	private final CouponMapping mapping;

	MappedCoupons(OldTemplates templates, CouponMapping mapping) {
		this.templates = templates;
		this.mapping = mapping;
	}

	Result map(UserRows source) {
		Map<Long, Mapping<MigratedTemplate>> templates = new HashMap<>();
		for (LegacyCoupon coupon : source.coupons()) {
			templates.computeIfAbsent(coupon.tplId(), this::template);
		}
		ClaimSlots slots = ClaimSlots.of(source.coupons(),
				(templateId) -> (templates.get(templateId) instanceof Mapping.Mapped<MigratedTemplate> mapped)
						? mapped.value().template().perUserLimit() : Integer.MAX_VALUE);
		Map<Long, LegacyClaimRequest> claims = new HashMap<>();
		source.claimRequests().forEach((claim) -> claims.put(claim.userCouponId(), claim));
		List<CopiedCoupon> copied = new ArrayList<>();
		Set<Long> heldBack = new LinkedHashSet<>();
		List<DataIssue> issues = new ArrayList<>();
		for (LegacyCoupon row : source.coupons()) {
			Mapping<MigratedCoupon> mapped = this.mapping.toNew(row, templates.get(row.tplId()));
			issues.addAll(mapped.issues());
			if (!(mapped instanceof Mapping.Mapped<MigratedCoupon> coupon)) {
				heldBack.add(row.id());
				continue;
			}
			MigratedCoupon migrated = coupon.value();
			UserCoupon platform = migrated.coupon();
			LegacyClaimRequest claim = claims.get(row.id());
			if (claim != null) {
				platform = new UserCoupon(platform.id(), platform.userId(), platform.templateId(), platform.status(),
						platform.rule(), platform.validFrom(), platform.validUntil(), platform.claimedAt(),
						CouponOrigin.valueOf(claim.origin()), claim.requestId());
			}
			copied.add(new CopiedCoupon(platform, slots.slots().get(row.id()), migrated.orderId(), migrated.usedAt(),
					migrated.version(), migrated.updatedAt(), migrated.codeAsTyped(), migrated.expireTimeUnset()));
		}
		return new Result(copied, heldBack, issues);
	}

	private Mapping<MigratedTemplate> template(long templateId) {
		return this.templates.mapping(templateId)
			.orElseGet(() -> new Mapping.Unmappable<>(List.of(new DataIssue(DataIssue.Kind.TEMPLATE_NOT_MAPPED,
					"t_coupon_template", Long.toString(templateId), "not in OLD"))));
	}

	/**
	 * @param copied every coupon the copy holds
	 * @param heldBack the coupons held back
	 * @param issues what the mapping reported, held-back rows and kept quirks alike
	 */
	record Result(List<CopiedCoupon> copied, Set<Long> heldBack, List<DataIssue> issues) {
	}

}
