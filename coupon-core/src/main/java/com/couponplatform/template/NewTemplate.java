package com.couponplatform.template;

import java.time.Instant;

import com.couponplatform.shared.Violations;
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
 * @param refundable whether a refunded order gives the coupon back (default true)
 */
public record NewTemplate(String name, TemplateType type, Long discountAmount, Long thresholdAmount, Integer percentOff,
		Long maxDiscountAmount, Long totalStock, Integer perUserLimit, String claimStart, String claimEnd,
		ValidityInput validity, Boolean refundable) {

	static final long MAX_AMOUNT = 1_000_000_000_00L;

	static final long MAX_STOCK = 1_000_000_000L;

	static final int MAX_PER_USER_LIMIT = 100;

	static final int MAX_VALIDITY_DAYS = 3650;

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
		violations.throwIfAny();
		DiscountRule rule = new DiscountRule(this.type, this.discountAmount, this.thresholdAmount, this.percentOff,
				this.maxDiscountAmount);
		return new CouponTemplate(id, this.name.strip(), rule, this.totalStock, 0,
				(this.perUserLimit != null) ? this.perUserLimit : 1, start, end, parsedValidity,
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
