package com.couponplatform.template;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import com.couponplatform.shared.Violations;

/**
 * Checkout asks whether a template's coupon applies to a cart: which lines are in its
 * product scope (the global super-blacklist overriding every scope), their total, and the
 * discount on it.
 */
@Service
public class CheckApplicability {

	public static final int MAX_LINES = 200;

	static final int MAX_QUANTITY = 9_999;

	private final TemplateCatalog catalog;

	private final SuperBlacklist superBlacklist;

	public CheckApplicability(TemplateCatalog catalog, SuperBlacklist superBlacklist) {
		this.catalog = catalog;
		this.superBlacklist = superBlacklist;
	}

	/**
	 * Judges a cart.
	 * @param templateId the template
	 * @param lines the cart lines
	 * @return the verdicts, the eligible amount and the discount
	 * @throws com.couponplatform.shared.InvalidInputException naming every invalid line
	 * field
	 * @throws TemplateNotFoundException for an unknown template
	 */
	public Applicability check(long templateId, List<CartLine> lines) {
		validate(lines);
		CouponTemplate template = this.catalog.get(templateId);
		return judge(template.scope(), template.rule(), lines);
	}

	/**
	 * Judges valid cart lines against a scope and a rule (a coupon's copy of its
	 * template's rule, for a quote).
	 * @param scope the product scope
	 * @param rule the discount rule
	 * @param lines the cart lines, already validated
	 * @return the verdicts, the eligible amount and the discount
	 */
	public Applicability judge(ProductScope scope, DiscountRule rule, List<CartLine> lines) {
		List<Applicability.LineVerdict> verdicts = new ArrayList<>(lines.size());
		long eligible = 0;
		for (CartLine line : lines) {
			String reason = null;
			if (this.superBlacklist.contains(line.skuId())) {
				reason = "SUPER_BLACKLISTED";
			}
			else if (!scope.covers(line.skuId(), line.categoryId())) {
				reason = "OUT_OF_SCOPE";
			}
			else {
				eligible = Math.addExact(eligible, line.amount());
			}
			verdicts.add(new Applicability.LineVerdict(line.skuId(), reason == null, reason));
		}
		return new Applicability(verdicts, eligible, rule.discountFor(eligible));
	}

	/**
	 * Checks cart lines as checkout sends them.
	 * @param lines the lines
	 * @throws com.couponplatform.shared.InvalidInputException naming every invalid field
	 */
	public static void validate(List<CartLine> lines) {
		Violations violations = new Violations();
		violations.require(lines != null && !lines.isEmpty() && lines.size() <= MAX_LINES, "items",
				"must list 1 to " + MAX_LINES + " lines");
		if (lines != null) {
			for (int i = 0; i < lines.size(); i++) {
				CartLine line = lines.get(i);
				String field = "items[" + i + "]";
				violations.require(line != null && isId(line.skuId()), field + ".skuId", "must be 1 to 64 characters");
				violations.require(line != null && isId(line.categoryId()), field + ".categoryId",
						"must be 1 to 64 characters");
				violations.require(
						line != null && line.unitPrice() != null && line.unitPrice() >= 0
								&& line.unitPrice() <= NewTemplate.MAX_AMOUNT,
						field + ".unitPrice", "must be 0 to " + NewTemplate.MAX_AMOUNT + " minor units");
				violations.require(
						line != null && line.quantity() != null && line.quantity() >= 1
								&& line.quantity() <= MAX_QUANTITY,
						field + ".quantity", "must be 1 to " + MAX_QUANTITY);
			}
		}
		violations.throwIfAny();
	}

	private static boolean isId(String id) {
		return id != null && !id.isBlank() && id.length() <= 64;
	}

}
