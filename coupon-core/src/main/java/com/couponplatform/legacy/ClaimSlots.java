package com.couponplatform.legacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;

/**
 * The per-user claim slots a user's migrated coupons take (decision 1): the user's
 * claimed coupons of a template take slots 1, 2, … in ID order, so they count against the
 * limit exactly as platform claims do. A legacy holding over the limit keeps all its
 * coupons (slots past the limit) and is reported; it leaves the user no further claim.
 *
 * @param slots claim slot per coupon ID (claimed coupons only)
 * @param issues one OVER_LIMIT_HOLDING per user and template held over its limit
 */
public record ClaimSlots(Map<Long, Integer> slots, List<DataIssue> issues) {

	public ClaimSlots {
		slots = Map.copyOf(slots);
		issues = List.copyOf(issues);
	}

	/**
	 * Assigns the slots of one user's coupons.
	 * @param coupons every legacy coupon of one user
	 * @param perUserLimit the mapped per-user limit of a template ID
	 * @return the slots and the over-limit holdings
	 */
	public static ClaimSlots of(List<LegacyCoupon> coupons, LongToIntFunction perUserLimit) {
		Map<Long, Integer> slots = new HashMap<>();
		Map<Long, Integer> held = new HashMap<>();
		List<LegacyCoupon> claimed = new ArrayList<>(
				coupons.stream().filter((coupon) -> coupon.getType() == 1).toList());
		claimed.sort(Comparator.comparingLong(LegacyCoupon::id));
		for (LegacyCoupon coupon : claimed) {
			slots.put(coupon.id(), held.merge(coupon.tplId(), 1, Integer::sum));
		}
		List<DataIssue> issues = new ArrayList<>();
		held.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
			int limit = perUserLimit.applyAsInt(entry.getKey());
			if (entry.getValue() > limit) {
				LegacyCoupon any = claimed.get(0);
				issues.add(new DataIssue(DataIssue.Kind.OVER_LIMIT_HOLDING, "t_user_coupon",
						any.uid() + "/" + entry.getKey(), entry.getValue() + " claimed, limit " + limit));
			}
		});
		return new ClaimSlots(slots, issues);
	}

}
