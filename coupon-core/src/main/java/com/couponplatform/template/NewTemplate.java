package com.couponplatform.template;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.couponplatform.targeting.TagFallback;
import com.couponplatform.shared.Violations;
import com.couponplatform.targeting.InvalidTagExpressionException;
import com.couponplatform.targeting.TagExpression;
import com.couponplatform.targeting.TagExpressionParser;
import com.couponplatform.time.BusinessTime;

/**
 * An operator's request for a new template, as sent; {@link #validate} turns it into a
 * DRAFT template or reports every invalid field.
 *
 * @param name the operator's name for it
 * @param type how the discount is computed
 * @param discountAmount the amount off, minor units
 * @param thresholdAmount the order amount that must be reached, minor units
 * @param percentOff the percentage off, 1–100
 * @param maxDiscountAmount the cap of a percentage discount, minor units
 * @param totalStock how many coupons may ever be issued
 * @param perUserLimit how many coupons one user may claim
 * @param claimStart start of the claim window: an instant, or a date in the business time
 * zone
 * @param claimEnd end of the claim window: an instant, or a date (the whole day included)
 * @param validity when a claimed coupon can be used
 * @param scope which cart lines it may discount; absent for everything
 * @param targeting a tag expression naming who may claim it; absent for everyone
 * @param tagFallback DENY (default) or ALLOW: the decision when user tags cannot be read
 * @param refundable whether a refunded order gives the coupon back (default true)
 */
public record NewTemplate(String name, TemplateType type, Long discountAmount, Long thresholdAmount, Integer percentOff,
		Long maxDiscountAmount, Long totalStock, Integer perUserLimit, String claimStart, String claimEnd,
		ValidityInput validity, ScopeInput scope, String targeting, String tagFallback, Boolean refundable) {

	static final long MAX_AMOUNT = 1_000_000_000_00L;

	static final long MAX_STOCK = 1_000_000_000L;

	static final int MAX_PER_USER_LIMIT = 100;

	static final int MAX_VALIDITY_DAYS = 3650;

	static final int MAX_SCOPE_ENTRIES = 10_000;

	static final int MAX_SCOPE_ID_LENGTH = 64;

	/**
	 * The validity as sent: {@code {"type":"FIXED","from","until"}} or
	 * {@code {"type":"RELATIVE","days"}}.
	 *
	 * @param type FIXED or RELATIVE
	 * @param from start of a fixed window
	 * @param until end of a fixed window
	 * @param days length of a relative window
	 */
	public record ValidityInput(String type, String from, String until, Integer days) {
	}

	/**
	 * The product scope as sent; every list optional.
	 *
	 * @param skuWhitelist if not empty, only these SKUs
	 * @param skuBlacklist never these SKUs
	 * @param categoryWhitelist if not empty, only these categories
	 * @param categoryBlacklist never these categories
	 */
	public record ScopeInput(List<String> skuWhitelist, List<String> skuBlacklist, List<String> categoryWhitelist,
			List<String> categoryBlacklist) {
	}

	/**
	 * The request that would create this template as it is now: the document a merge
	 * patch applies to.
	 * @param template the template
	 * @return its fields as an operator would send them
	 */
	public static NewTemplate from(CouponTemplate template) {
		DiscountRule rule = template.rule();
		ValidityInput validity = (template.validity() instanceof Validity.Fixed fixed)
				? new ValidityInput("FIXED", fixed.from().toString(), fixed.until().toString(), null)
				: new ValidityInput("RELATIVE", null, null, ((Validity.Relative) template.validity()).days());
		ProductScope scope = template.scope();
		return new NewTemplate(template.name(), rule.type(), rule.discountAmount(), rule.thresholdAmount(),
				rule.percentOff(), rule.maxDiscountAmount(), template.totalStock(), template.perUserLimit(),
				template.claimStart().toString(), template.claimEnd().toString(), validity,
				new ScopeInput(ProductScope.sorted(scope.skuWhitelist()), ProductScope.sorted(scope.skuBlacklist()),
						ProductScope.sorted(scope.categoryWhitelist()), ProductScope.sorted(scope.categoryBlacklist())),
				(template.targeting() != null) ? template.targeting().canonical() : null, template.tagFallback().name(),
				template.refundable());
	}

	/**
	 * Checks every field and builds the DRAFT template.
	 * @param id the new template's ID
	 * @param createdBy the back-office user creating it
	 * @param now the creation instant
	 * @param time how to read dates
	 * @return the DRAFT template
	 * @throws com.couponplatform.shared.InvalidInputException naming every invalid field
	 */
	public CouponTemplate validate(long id, String createdBy, Instant now, BusinessTime time) {
		Violations violations = new Violations();
		violations.require(this.name != null && !this.name.isBlank() && this.name.length() <= 128, "name",
				"must be 1 to 128 characters");
		violations.require(this.type != null, "type", "must be FIXED_AMOUNT, THRESHOLD or PERCENTAGE");
		if (this.type != null) {
			checkRule(violations);
		}
		violations.require(this.totalStock != null && this.totalStock >= 1 && this.totalStock <= MAX_STOCK,
				"totalStock", "must be between 1 and " + MAX_STOCK);
		violations.require(
				this.perUserLimit == null || (this.perUserLimit >= 1 && this.perUserLimit <= MAX_PER_USER_LIMIT),
				"perUserLimit", "must be between 1 and " + MAX_PER_USER_LIMIT);
		Instant start = time.startOf(this.claimStart);
		Instant end = time.endOf(this.claimEnd);
		violations.require(start != null, "claimStart", "must be an ISO-8601 instant or date");
		violations.require(end != null, "claimEnd", "must be an ISO-8601 instant or date");
		violations.require(start == null || end == null || end.isAfter(start), "claimEnd", "must be after claimStart");
		Validity parsedValidity = parseValidity(violations, time, end);
		ProductScope parsedScope = parseScope(violations);
		TagExpression parsedTargeting = parseTargeting(violations);
		violations.require(
				this.tagFallback == null || "DENY".equals(this.tagFallback) || "ALLOW".equals(this.tagFallback),
				"tagFallback", "must be DENY or ALLOW");
		violations.throwIfAny();
		DiscountRule rule = new DiscountRule(this.type, this.discountAmount, this.thresholdAmount, this.percentOff,
				this.maxDiscountAmount);
		return new CouponTemplate(id, this.name.strip(), rule, this.totalStock, 0,
				(this.perUserLimit != null) ? this.perUserLimit : 1, start, end, parsedValidity, parsedScope,
				parsedTargeting, (this.tagFallback != null) ? TagFallback.valueOf(this.tagFallback) : TagFallback.DENY,
				this.refundable == null || this.refundable, TemplateStatus.DRAFT, 0, createdBy, now, now);
	}

	private void checkRule(Violations violations) {
		switch (this.type) {
			case FIXED_AMOUNT -> {
				requireAmount(violations, "discountAmount", this.discountAmount);
				violations.require(this.thresholdAmount == null, "thresholdAmount", "is not used by FIXED_AMOUNT");
				violations.require(this.percentOff == null, "percentOff", "is not used by FIXED_AMOUNT");
			}
			case THRESHOLD -> {
				requireAmount(violations, "discountAmount", this.discountAmount);
				requireAmount(violations, "thresholdAmount", this.thresholdAmount);
				violations.require(
						this.discountAmount == null || this.thresholdAmount == null
								|| this.thresholdAmount >= this.discountAmount,
						"thresholdAmount", "must not be below discountAmount");
				violations.require(this.percentOff == null, "percentOff", "is not used by THRESHOLD");
			}
			case PERCENTAGE -> {
				violations.require(this.percentOff != null && this.percentOff >= 1 && this.percentOff <= 100,
						"percentOff", "must be an integer from 1 to 100");
				requireAmount(violations, "maxDiscountAmount", this.maxDiscountAmount);
				violations.require(this.discountAmount == null, "discountAmount", "is not used by PERCENTAGE");
				violations.require(this.thresholdAmount == null || this.thresholdAmount >= 0, "thresholdAmount",
						"must not be negative");
			}
		}
	}

	private ProductScope parseScope(Violations violations) {
		if (this.scope == null) {
			return ProductScope.EVERYTHING;
		}
		checkIds(violations, "scope.skuWhitelist", this.scope.skuWhitelist());
		checkIds(violations, "scope.skuBlacklist", this.scope.skuBlacklist());
		checkIds(violations, "scope.categoryWhitelist", this.scope.categoryWhitelist());
		checkIds(violations, "scope.categoryBlacklist", this.scope.categoryBlacklist());
		violations.require(isEmpty(this.scope.skuWhitelist()) || isEmpty(this.scope.skuBlacklist()),
				"scope.skuBlacklist", "cannot be combined with skuWhitelist: list the allowed SKUs only");
		violations.require(isEmpty(this.scope.categoryWhitelist()) || isEmpty(this.scope.categoryBlacklist()),
				"scope.categoryBlacklist",
				"cannot be combined with categoryWhitelist: list the allowed categories only");
		return new ProductScope(toSet(this.scope.skuWhitelist()), toSet(this.scope.skuBlacklist()),
				toSet(this.scope.categoryWhitelist()), toSet(this.scope.categoryBlacklist()));
	}

	private static void checkIds(Violations violations, String field, List<String> ids) {
		if (ids == null) {
			return;
		}
		violations.require(ids.size() <= MAX_SCOPE_ENTRIES, field, "may list at most " + MAX_SCOPE_ENTRIES + " IDs");
		violations.require(
				ids.stream().allMatch((id) -> id != null && !id.isBlank() && id.length() <= MAX_SCOPE_ID_LENGTH), field,
				"IDs must be 1 to " + MAX_SCOPE_ID_LENGTH + " characters");
	}

	private static boolean isEmpty(List<String> ids) {
		return ids == null || ids.isEmpty();
	}

	private static Set<String> toSet(List<String> ids) {
		return (ids != null) ? new HashSet<>(ids) : Set.of();
	}

	private TagExpression parseTargeting(Violations violations) {
		if (this.targeting == null || this.targeting.isBlank()) {
			return null;
		}
		try {
			return TagExpressionParser.parse(this.targeting);
		}
		catch (InvalidTagExpressionException ex) {
			violations.require(false, "targeting", ex.getMessage());
			return null;
		}
	}

	private static void requireAmount(Violations violations, String field, Long amount) {
		violations.require(amount != null && amount >= 1 && amount <= MAX_AMOUNT, field,
				"must be a positive amount in minor units, at most " + MAX_AMOUNT);
	}

	private Validity parseValidity(Violations violations, BusinessTime time, Instant claimEnd) {
		if (this.validity == null || this.validity.type() == null) {
			violations.require(false, "validity.type", "must be FIXED or RELATIVE");
			return null;
		}
		if ("RELATIVE".equals(this.validity.type())) {
			Integer days = this.validity.days();
			violations.require(days != null && days >= 1 && days <= MAX_VALIDITY_DAYS, "validity.days",
					"must be between 1 and " + MAX_VALIDITY_DAYS);
			return (days != null) ? new Validity.Relative(days) : null;
		}
		if ("FIXED".equals(this.validity.type())) {
			Instant from = time.startOf(this.validity.from());
			Instant until = time.endOf(this.validity.until());
			violations.require(from != null, "validity.from", "must be an ISO-8601 instant or date");
			violations.require(until != null, "validity.until", "must be an ISO-8601 instant or date");
			violations.require(from == null || until == null || until.isAfter(from), "validity.until",
					"must be after validity.from");
			violations.require(until == null || claimEnd == null || !until.isBefore(claimEnd), "validity.until",
					"must not end before the claim window does");
			return (from != null && until != null) ? new Validity.Fixed(from, until) : null;
		}
		violations.require(false, "validity.type", "must be FIXED or RELATIVE");
		return null;
	}

}
