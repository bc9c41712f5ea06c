package com.couponplatform.admin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.couponplatform.shared.FieldViolation;

/**
 * What every screen form does with what was typed: reads a whole number or reports the
 * field, treats a blank field as absent, and shows the use case's errors by field.
 */
public final class FormFields {

	private FormFields() {
	}

	/**
	 * @param violations the use case's violations
	 * @return each field's first message, in the order the use case reported them
	 */
	public static Map<String, String> byField(List<FieldViolation> violations) {
		Map<String, String> errors = new LinkedHashMap<>();
		violations.forEach((violation) -> errors.putIfAbsent(violation.field(), violation.message()));
		return errors;
	}

	/**
	 * @param violations where a field that is not a number is reported
	 * @param field the field's name as the API reports it
	 * @param text what was typed
	 * @return the number, or {@code null} when blank or not a number
	 */
	public static Long wholeNumber(List<FieldViolation> violations, String field, String text) {
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

	/**
	 * @param text what was typed
	 * @return it stripped, or {@code null} when blank
	 */
	public static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
