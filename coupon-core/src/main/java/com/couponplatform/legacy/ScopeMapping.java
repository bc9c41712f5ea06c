package com.couponplatform.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.ProductScope;

/**
 * A legacy {@code scope_type} with its {@code t_coupon_scope} rows, and the platform's
 * product scope: 0 all goods, 1 the listed goods only (SKU whitelist), 2 all but the
 * listed goods (SKU blacklist), 3 the listed categories only (category whitelist).
 */
final class ScopeMapping {

	private static final String TABLE = "t_coupon_template";

	private ScopeMapping() {
	}

	static ProductScope toScope(LegacyTemplate row, List<LegacyScopeRef> refs, List<LegacyScopeRef> ignored,
			List<DataIssue> issues) {
		String key = Long.toString(row.id());
		int wanted = switch (row.scopeType()) {
			case 0 -> 0;
			case 1, 2 -> LegacyScopeRef.GOODS;
			case 3 -> LegacyScopeRef.CATEGORY;
			default -> -1;
		};
		if (wanted < 0) {
			issues.add(new DataIssue(DataIssue.Kind.UNKNOWN_SCOPE_TYPE, TABLE, key, "scope_type=" + row.scopeType()));
			return ProductScope.EVERYTHING;
		}
		Set<String> listed = new TreeSet<>();
		for (LegacyScopeRef ref : refs) {
			if (ref.refType() == wanted) {
				listed.add(ref.refId());
			}
			else {
				ignored.add(new LegacyScopeRef(0, ref.templateId(), ref.refType(), ref.refId()));
				issues.add(new DataIssue(DataIssue.Kind.IGNORED_SCOPE_REF, "t_coupon_scope",
						ref.templateId() + "/" + ref.refType() + "/" + ref.refId(), "scope_type=" + row.scopeType()));
			}
		}
		// An empty whitelist means "no restriction" to the platform, the opposite of what
		// the monolith's "only these" with nothing listed does.
		if (listed.isEmpty() && (row.scopeType() == 1 || row.scopeType() == 3)) {
			issues.add(new DataIssue(DataIssue.Kind.EMPTY_SCOPE, TABLE, key, "scope_type=" + row.scopeType()));
		}
		return switch (row.scopeType()) {
			case 1 -> new ProductScope(listed, Set.of(), Set.of(), Set.of());
			case 2 -> new ProductScope(Set.of(), listed, Set.of(), Set.of());
			case 3 -> new ProductScope(Set.of(), Set.of(), listed, Set.of());
			default -> ProductScope.EVERYTHING;
		};
	}

	static List<LegacyScopeRef> toRefs(CouponTemplate template) {
		ProductScope scope = template.scope();
		List<LegacyScopeRef> refs = new ArrayList<>();
		for (String sku : new TreeSet<>(scope.skuWhitelist())) {
			refs.add(new LegacyScopeRef(0, template.id(), LegacyScopeRef.GOODS, sku));
		}
		for (String sku : new TreeSet<>(scope.skuBlacklist())) {
			refs.add(new LegacyScopeRef(0, template.id(), LegacyScopeRef.GOODS, sku));
		}
		for (String category : new TreeSet<>(scope.categoryWhitelist())) {
			refs.add(new LegacyScopeRef(0, template.id(), LegacyScopeRef.CATEGORY, category));
		}
		return refs;
	}

}
