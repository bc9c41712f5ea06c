package com.couponplatform.admin.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.couponplatform.shared.FieldViolation;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateType;

/**
 * The new-template form as the browser posts it: every field text, so what the operator
 * typed is shown again beside its error. {@link #parse} turns it into the admin API's
 * {@link NewTemplate}; field names are the API's ({@code validity.days},
 * {@code scope.skuWhitelist}), so the use case's violations land beside their fields.
 */
public class TemplateForm {

	private String name = "";

	private String type = TemplateType.THRESHOLD.name();

	private String discountAmount = "";

	private String thresholdAmount = "";

	private String percentOff = "";

	private String maxDiscountAmount = "";

	private String totalStock = "";

	private String perUserLimit = "1";

	private String claimStart = "";

	private String claimEnd = "";

	private String validityType = "RELATIVE";

	private String validityFrom = "";

	private String validityUntil = "";

	private String validityDays = "7";

	private String skuWhitelist = "";

	private String skuBlacklist = "";

	private String categoryWhitelist = "";

	private String categoryBlacklist = "";

	private String targeting = "";

	private String tagFallback = "DENY";

	private boolean refundable = true;

	/**
	 * The request as far as the form can tell: a field that is not a number where one is
	 * needed is left out of it and reported.
	 * @return the request for {@code CreateTemplate}, and the fields it left out
	 */
	Parsed parse() {
		List<FieldViolation> violations = new ArrayList<>();
		Long discount = amount(violations, "discountAmount", this.discountAmount);
		Long threshold = amount(violations, "thresholdAmount", this.thresholdAmount);
		Long percent = amount(violations, "percentOff", this.percentOff);
		Long cap = amount(violations, "maxDiscountAmount", this.maxDiscountAmount);
		Long stock = amount(violations, "totalStock", this.totalStock);
		Long perUser = amount(violations, "perUserLimit", this.perUserLimit);
		Long days = amount(violations, "validity.days", this.validityDays);
		TemplateType templateType = Arrays.stream(TemplateType.values())
			.filter((candidate) -> candidate.name().equals(this.type))
			.findFirst()
			.orElse(null);
		if (templateType == null) {
			violations.add(new FieldViolation("type", "must be one of " + Arrays.toString(TemplateType.values())));
		}
		boolean relative = "RELATIVE".equals(this.validityType);
		NewTemplate.ValidityInput validity = new NewTemplate.ValidityInput(this.validityType,
				relative ? null : blankToNull(this.validityFrom), relative ? null : blankToNull(this.validityUntil),
				relative ? toInteger(days) : null);
		NewTemplate.ScopeInput scope = new NewTemplate.ScopeInput(lines(this.skuWhitelist), lines(this.skuBlacklist),
				lines(this.categoryWhitelist), lines(this.categoryBlacklist));
		boolean anyScope = !(scope.skuWhitelist().isEmpty() && scope.skuBlacklist().isEmpty()
				&& scope.categoryWhitelist().isEmpty() && scope.categoryBlacklist().isEmpty());
		return new Parsed(
				new NewTemplate(this.name, templateType, discount, threshold, toInteger(percent), cap, stock,
						toInteger(perUser), blankToNull(this.claimStart), blankToNull(this.claimEnd), validity,
						anyScope ? scope : null, blankToNull(this.targeting), this.tagFallback, this.refundable),
				List.copyOf(violations));
	}

	/**
	 * A parsed form.
	 *
	 * @param request the request, unparseable fields absent
	 * @param unparseable the fields that were not numbers
	 */
	record Parsed(NewTemplate request, List<FieldViolation> unparseable) {
	}

	/** The violations by field, first message each, in the form's order. */
	static Map<String, String> byField(List<FieldViolation> violations) {
		Map<String, String> errors = new LinkedHashMap<>();
		violations.forEach((violation) -> errors.putIfAbsent(violation.field(), violation.message()));
		return errors;
	}

	private static Long amount(List<FieldViolation> violations, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			violations.add(new FieldViolation(field, "must be a whole number"));
			return null;
		}
	}

	private static Integer toInteger(Long value) {
		return (value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) ? null : value.intValue();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** One ID a line (or separated by commas), blanks dropped. */
	private static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[,\\r\\n]+")).map(String::strip).filter((id) -> !id.isEmpty()).toList();
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getDiscountAmount() {
		return this.discountAmount;
	}

	public void setDiscountAmount(String discountAmount) {
		this.discountAmount = discountAmount;
	}

	public String getThresholdAmount() {
		return this.thresholdAmount;
	}

	public void setThresholdAmount(String thresholdAmount) {
		this.thresholdAmount = thresholdAmount;
	}

	public String getPercentOff() {
		return this.percentOff;
	}

	public void setPercentOff(String percentOff) {
		this.percentOff = percentOff;
	}

	public String getMaxDiscountAmount() {
		return this.maxDiscountAmount;
	}

	public void setMaxDiscountAmount(String maxDiscountAmount) {
		this.maxDiscountAmount = maxDiscountAmount;
	}

	public String getTotalStock() {
		return this.totalStock;
	}

	public void setTotalStock(String totalStock) {
		this.totalStock = totalStock;
	}

	public String getPerUserLimit() {
		return this.perUserLimit;
	}

	public void setPerUserLimit(String perUserLimit) {
		this.perUserLimit = perUserLimit;
	}

	public String getClaimStart() {
		return this.claimStart;
	}

	public void setClaimStart(String claimStart) {
		this.claimStart = claimStart;
	}

	public String getClaimEnd() {
		return this.claimEnd;
	}

	public void setClaimEnd(String claimEnd) {
		this.claimEnd = claimEnd;
	}

	public String getValidityType() {
		return this.validityType;
	}

	public void setValidityType(String validityType) {
		this.validityType = validityType;
	}

	public String getValidityFrom() {
		return this.validityFrom;
	}

	public void setValidityFrom(String validityFrom) {
		this.validityFrom = validityFrom;
	}

	public String getValidityUntil() {
		return this.validityUntil;
	}

	public void setValidityUntil(String validityUntil) {
		this.validityUntil = validityUntil;
	}

	public String getValidityDays() {
		return this.validityDays;
	}

	public void setValidityDays(String validityDays) {
		this.validityDays = validityDays;
	}

	public String getSkuWhitelist() {
		return this.skuWhitelist;
	}

	public void setSkuWhitelist(String skuWhitelist) {
		this.skuWhitelist = skuWhitelist;
	}

	public String getSkuBlacklist() {
		return this.skuBlacklist;
	}

	public void setSkuBlacklist(String skuBlacklist) {
		this.skuBlacklist = skuBlacklist;
	}

	public String getCategoryWhitelist() {
		return this.categoryWhitelist;
	}

	public void setCategoryWhitelist(String categoryWhitelist) {
		this.categoryWhitelist = categoryWhitelist;
	}

	public String getCategoryBlacklist() {
		return this.categoryBlacklist;
	}

	public void setCategoryBlacklist(String categoryBlacklist) {
		this.categoryBlacklist = categoryBlacklist;
	}

	public String getTargeting() {
		return this.targeting;
	}

	public void setTargeting(String targeting) {
		this.targeting = targeting;
	}

	public String getTagFallback() {
		return this.tagFallback;
	}

	public void setTagFallback(String tagFallback) {
		this.tagFallback = tagFallback;
	}

	public boolean isRefundable() {
		return this.refundable;
	}

	public void setRefundable(boolean refundable) {
		this.refundable = refundable;
	}

}
