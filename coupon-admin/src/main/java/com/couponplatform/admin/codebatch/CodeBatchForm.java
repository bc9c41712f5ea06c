package com.couponplatform.admin.codebatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.couponplatform.admin.web.FormFields;
import com.couponplatform.redemption.NewCodeBatch;
import com.couponplatform.shared.FieldViolation;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.Instants;
import com.couponplatform.shared.InvalidInputException;

/**
 * The new-batch form as typed: generate codes, or import a file of them (which travels
 * beside the form as its own part).
 */
class CodeBatchForm {

	/** Whether the batch's codes are drawn here or come from a file. */
	enum Source {

		GENERATE, IMPORT

	}

	private String templateId;

	private Source source = Source.GENERATE;

	private String quantity;

	private String length;

	private String prefix;

	private boolean checkCharacter = true;

	private String usesPerCode;

	private String validFrom;

	private String validUntil;

	/**
	 * The request, every field that cannot be read reported at once (the use case checks
	 * the rest).
	 * @return the request
	 * @throws InvalidInputException naming each field that is not a number or an instant
	 */
	NewCodeBatch request() {
		List<FieldViolation> violations = new ArrayList<>();
		Long template = null;
		try {
			template = Ids.parse("templateId", this.templateId);
		}
		catch (InvalidInputException ex) {
			violations.add(new FieldViolation("templateId", "choose an active template"));
		}
		Long count = FormFields.wholeNumber(violations, "quantity", this.quantity);
		if (this.source == Source.GENERATE && count == null
				&& violations.stream().noneMatch((violation) -> violation.field().equals("quantity"))) {
			violations.add(new FieldViolation("quantity", "is required"));
		}
		Long symbols = FormFields.wholeNumber(violations, "length", this.length);
		Long uses = FormFields.wholeNumber(violations, "usesPerCode", this.usesPerCode);
		var from = instant(violations, "validFrom", this.validFrom);
		var until = instant(violations, "validUntil", this.validUntil);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		boolean generate = this.source == Source.GENERATE;
		return new NewCodeBatch(template, generate ? count : 0, generate ? toInteger(symbols) : null,
				generate ? FormFields.blankToNull(this.prefix) : null, generate ? this.checkCharacter : null,
				toInteger(uses), from, until);
	}

	private static Instant instant(List<FieldViolation> violations, String field, String text) {
		try {
			return Instants.parseOptional(field, FormFields.blankToNull(text));
		}
		catch (InvalidInputException ex) {
			violations.addAll(ex.violations());
			return null;
		}
	}

	/** A number too large for an int is left to the use case's range check. */
	private static Integer toInteger(Long value) {
		return (value == null) ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
	}

	public String getTemplateId() {
		return this.templateId;
	}

	public void setTemplateId(String templateId) {
		this.templateId = templateId;
	}

	public Source getSource() {
		return this.source;
	}

	public void setSource(Source source) {
		this.source = source;
	}

	public String getQuantity() {
		return this.quantity;
	}

	public void setQuantity(String quantity) {
		this.quantity = quantity;
	}

	public String getLength() {
		return this.length;
	}

	public void setLength(String length) {
		this.length = length;
	}

	public String getPrefix() {
		return this.prefix;
	}

	public void setPrefix(String prefix) {
		this.prefix = prefix;
	}

	public boolean isCheckCharacter() {
		return this.checkCharacter;
	}

	public void setCheckCharacter(boolean checkCharacter) {
		this.checkCharacter = checkCharacter;
	}

	public String getUsesPerCode() {
		return this.usesPerCode;
	}

	public void setUsesPerCode(String usesPerCode) {
		this.usesPerCode = usesPerCode;
	}

	public String getValidFrom() {
		return this.validFrom;
	}

	public void setValidFrom(String validFrom) {
		this.validFrom = validFrom;
	}

	public String getValidUntil() {
		return this.validUntil;
	}

	public void setValidUntil(String validUntil) {
		this.validUntil = validUntil;
	}

}
