package com.couponplatform.template;

import java.time.Instant;

import com.couponplatform.targeting.TagFallback;
import com.couponplatform.targeting.TagExpressionParser;

/**
 * A {@code coupon_template} row as MyBatis maps it.
 */
public class TemplateRow {

	long id;

	String name;

	String type;

	Long discountAmount;

	Long thresholdAmount;

	Integer percentOff;

	Long maxDiscountAmount;

	long totalStock;

	long issued;

	int perUserLimit;

	Instant claimStart;

	Instant claimEnd;

	String validityType;

	Instant validFrom;

	Instant validUntil;

	Integer validDays;

	String scopeJson;

	String targeting;

	String tagFallback;

	boolean refundable;

	String status;

	int version;

	String createdBy;

	Instant createdAt;

	Instant updatedAt;

	static TemplateRow of(CouponTemplate template) {
		TemplateRow row = new TemplateRow();
		row.id = template.id();
		row.name = template.name();
		DiscountRule rule = template.rule();
		row.type = rule.type().name();
		row.discountAmount = rule.discountAmount();
		row.thresholdAmount = rule.thresholdAmount();
		row.percentOff = rule.percentOff();
		row.maxDiscountAmount = rule.maxDiscountAmount();
		row.totalStock = template.totalStock();
		row.issued = template.issued();
		row.perUserLimit = template.perUserLimit();
		row.claimStart = template.claimStart();
		row.claimEnd = template.claimEnd();
		if (template.validity() instanceof Validity.Fixed fixed) {
			row.validityType = "FIXED";
			row.validFrom = fixed.from();
			row.validUntil = fixed.until();
		}
		else if (template.validity() instanceof Validity.Relative relative) {
			row.validityType = "RELATIVE";
			row.validDays = relative.days();
		}
		row.scopeJson = ScopeJson.write(template.scope());
		row.targeting = (template.targeting() != null) ? template.targeting().canonical() : null;
		row.tagFallback = template.tagFallback().name();
		row.refundable = template.refundable();
		row.status = template.status().name();
		row.version = template.version();
		row.createdBy = template.createdBy();
		row.createdAt = template.createdAt();
		row.updatedAt = template.updatedAt();
		return row;
	}

	CouponTemplate toTemplate() {
		Validity validity = "FIXED".equals(this.validityType) ? new Validity.Fixed(this.validFrom, this.validUntil)
				: new Validity.Relative(this.validDays);
		DiscountRule rule = new DiscountRule(TemplateType.valueOf(this.type), this.discountAmount, this.thresholdAmount,
				this.percentOff, this.maxDiscountAmount);
		return new CouponTemplate(this.id, this.name, rule, this.totalStock, this.issued, this.perUserLimit,
				this.claimStart, this.claimEnd, validity, ScopeJson.read(this.scopeJson),
				(this.targeting != null) ? TagExpressionParser.parse(this.targeting) : null,
				TagFallback.valueOf(this.tagFallback), this.refundable, TemplateStatus.valueOf(this.status),
				this.version, this.createdBy, this.createdAt, this.updatedAt);
	}

}
