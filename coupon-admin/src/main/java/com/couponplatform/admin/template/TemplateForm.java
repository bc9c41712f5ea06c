package com.couponplatform.admin.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.couponplatform.admin.web.FormFields;
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

	/** The API's field names the form shows an error beside; any other shows above it. */
	static final Set<String> FIELDS = Set.of("name", "type", "discountAmount", "thresholdAmount", "percentOff",
			"maxDiscountAmount", "totalStock", "perUserLimit", "claimStart", "claimEnd", "validity.type",
			"validity.days", "validity.from", "validity.until", "scope.skuWhitelist", "scope.skuBlacklist",
			"scope.categoryWhitelist", "scope.categoryBlacklist", "targeting");

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
	 * The form filled in with a template as it is, for its edit page.
	 * @param template the template's fields as an operator would send them
	 * @return the form
	 */
	static TemplateForm of(NewTemplate template) {
		TemplateForm form = new TemplateForm();
		form.name = template.name();
		form.type = template.type().name();
		form.discountAmount = text(template.discountAmount());
		form.thresholdAmount = text(template.thresholdAmount());
		form.percentOff = text(template.percentOff());
		form.maxDiscountAmount = text(template.maxDiscountAmount());
		form.totalStock = text(template.totalStock());
		form.perUserLimit = text(template.perUserLimit());
		form.claimStart = template.claimStart();
		form.claimEnd = template.claimEnd();
		NewTemplate.ValidityInput validity = template.validity();
		form.validityType = validity.type();
		form.validityFrom = text(validity.from());
		form.validityUntil = text(validity.until());
		form.validityDays = text(validity.days());
		NewTemplate.ScopeInput scope = template.scope();
		if (scope != null) {
			form.skuWhitelist = joined(scope.skuWhitelist());
			form.skuBlacklist = joined(scope.skuBlacklist());
			form.categoryWhitelist = joined(scope.categoryWhitelist());
			form.categoryBlacklist = joined(scope.categoryBlacklist());
		}
		form.targeting = text(template.targeting());
		form.tagFallback = template.tagFallback();
		form.refundable = !Boolean.FALSE.equals(template.refundable());
		return form;
	}

	private static String joined(List<String> lines) {
		return (lines != null) ? String.join("\n", lines) : "";
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * The request as far as the form can tell: a field that is not a number where one is
	 * needed is left out of it and reported.
	 * @return the request for {@code CreateTemplate}, and the fields it left out
	 */
	Parsed parse() {
		List<FieldViolation> violations = new ArrayList<>();
		Long discount = FormFields.wholeNumber(violations, "discountAmount", this.discountAmount);
		Long threshold = FormFields.wholeNumber(violations, "thresholdAmount", this.thresholdAmount);
		Long percent = FormFields.wholeNumber(violations, "percentOff", this.percentOff);
		Long cap = FormFields.wholeNumber(violations, "maxDiscountAmount", this.maxDiscountAmount);
		Long stock = FormFields.wholeNumber(violations, "totalStock", this.totalStock);
		Long perUser = FormFields.wholeNumber(violations, "perUserLimit", this.perUserLimit);
		Long days = FormFields.wholeNumber(violations, "validity.days", this.validityDays);
		TemplateType templateType = Arrays.stream(TemplateType.values())
			.filter((candidate) -> candidate.name().equals(this.type))
			.findFirst()
			.orElse(null);
		if (templateType == null) {
			violations.add(new FieldViolation("type", "must be one of " + Arrays.toString(TemplateType.values())));
		}
		boolean relative = "RELATIVE".equals(this.validityType);
		NewTemplate.ValidityInput validity = new NewTemplate.ValidityInput(this.validityType,
				relative ? null : FormFields.blankToNull(this.validityFrom),
				relative ? null : FormFields.blankToNull(this.validityUntil), relative ? toInteger(days) : null);
		NewTemplate.ScopeInput scope = new NewTemplate.ScopeInput(lines(this.skuWhitelist), lines(this.skuBlacklist),
				lines(this.categoryWhitelist), lines(this.categoryBlacklist));
		boolean anyScope = !(scope.skuWhitelist().isEmpty() && scope.skuBlacklist().isEmpty()
				&& scope.categoryWhitelist().isEmpty() && scope.categoryBlacklist().isEmpty());
		return new Parsed(
				new NewTemplate(this.name, templateType, discount, threshold, toInteger(percent), cap, stock,
						toInteger(perUser), FormFields.blankToNull(this.claimStart),
						FormFields.blankToNull(this.claimEnd), validity, anyScope ? scope : null,
						FormFields.blankToNull(this.targeting), this.tagFallback, this.refundable),
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

	private static Integer toInteger(Long value) {
		return (value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) ? null : value.intValue();
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
