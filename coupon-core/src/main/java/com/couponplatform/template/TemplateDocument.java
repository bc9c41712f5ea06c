package com.couponplatform.template;

import java.time.Instant;
import java.util.List;

/**
 * A template as the back office and the audit log show it: IDs as strings, money in minor
 * units, instants in UTC.
 *
 * @param id the template ID
 * @param name the operator's name for it
 * @param type the discount type
 * @param discountAmount amount off
 * @param thresholdAmount order amount that must be reached
 * @param percentOff percentage off
 * @param maxDiscountAmount cap of a percentage discount
 * @param totalStock coupons that may ever be issued
 * @param issued coupons taken from the stock so far
 * @param perUserLimit claims allowed per user
 * @param claimStart start of the claim window
 * @param claimEnd end of the claim window (exclusive)
 * @param validity when a claimed coupon can be used
 * @param scope which cart lines it may discount
 * @param targeting who may claim it, in canonical form, or {@code null} for everyone
 * @param tagFallback the decision when user tags cannot be read
 * @param refundable whether a refund gives the coupon back
 * @param status lifecycle status
 * @param version optimistic-lock version
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt last change
 */
public record TemplateDocument(String id, String name, String type, Long discountAmount, Long thresholdAmount,
		Integer percentOff, Long maxDiscountAmount, long totalStock, long issued, int perUserLimit, Instant claimStart,
		Instant claimEnd, ValidityResponse validity, ScopeResponse scope, String targeting, String tagFallback,
		boolean refundable, String status, int version, String createdBy, Instant createdAt, Instant updatedAt) {

	public static TemplateDocument of(CouponTemplate template) {
		DiscountRule rule = template.rule();
		return new TemplateDocument(Long.toString(template.id()), template.name(), rule.type().name(),
				rule.discountAmount(), rule.thresholdAmount(), rule.percentOff(), rule.maxDiscountAmount(),
				template.totalStock(), template.issued(), template.perUserLimit(), template.claimStart(),
				template.claimEnd(), ValidityResponse.of(template.validity()), ScopeResponse.of(template.scope()),
				(template.targeting() != null) ? template.targeting().canonical() : null, template.tagFallback().name(),
				template.refundable(), template.status().name(), template.version(), template.createdBy(),
				template.createdAt(), template.updatedAt());
	}

	/**
	 * A validity: {@code FIXED} with {@code from} and {@code until}, or {@code RELATIVE}
	 * with {@code days}.
	 *
	 * @param type FIXED or RELATIVE
	 * @param from start of a fixed window
	 * @param until end of a fixed window (exclusive)
	 * @param days length of a relative window
	 */
	public record ValidityResponse(String type, Instant from, Instant until, Integer days) {

		static ValidityResponse of(Validity validity) {
			if (validity instanceof Validity.Fixed fixed) {
				return new ValidityResponse("FIXED", fixed.from(), fixed.until(), null);
			}
			return new ValidityResponse("RELATIVE", null, null, ((Validity.Relative) validity).days());
		}

	}

	/**
	 * A product scope, each list sorted.
	 *
	 * @param skuWhitelist if not empty, only these SKUs
	 * @param skuBlacklist never these SKUs
	 * @param categoryWhitelist if not empty, only these categories
	 * @param categoryBlacklist never these categories
	 */
	public record ScopeResponse(List<String> skuWhitelist, List<String> skuBlacklist, List<String> categoryWhitelist,
			List<String> categoryBlacklist) {

		static ScopeResponse of(ProductScope scope) {
			return new ScopeResponse(ProductScope.sorted(scope.skuWhitelist()),
					ProductScope.sorted(scope.skuBlacklist()), ProductScope.sorted(scope.categoryWhitelist()),
					ProductScope.sorted(scope.categoryBlacklist()));
		}

	}

}
