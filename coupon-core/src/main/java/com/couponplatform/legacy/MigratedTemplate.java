package com.couponplatform.legacy;

import java.util.List;

import com.couponplatform.template.CouponTemplate;

/**
 * A legacy template in the platform's model, with what only the legacy model has (kept in
 * NEW's side table so that the template maps back to its canonical row).
 *
 * @param template the platform's template; {@code issued} counts the coupon rows
 * @param deleted whether the legacy status was 9 (soft-deleted) rather than 3 (offline)
 * @param perUserLimitUnset whether the legacy per_user_limit was 0 (no limit)
 * @param scopeType the legacy scope type (0–3)
 * @param ignoredScopeRefs scope rows the scope type does not read, kept as reported
 */
public record MigratedTemplate(CouponTemplate template, boolean deleted, boolean perUserLimitUnset, int scopeType,
		List<LegacyScopeRef> ignoredScopeRefs) {

	public MigratedTemplate {
		ignoredScopeRefs = List.copyOf(ignoredScopeRefs);
	}

}
