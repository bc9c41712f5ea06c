package com.couponplatform.admin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.ui.Model;

import com.couponplatform.shared.FieldViolation;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.RuleViolationException;

/**
 * What every screen form does with what was typed: reads a whole number or reports the
 * field, treats a blank field as absent, runs the use case, and shows its errors by field
 * or its refusal above the form.
 */
public final class FormFields {

	private FormFields() {
	}

	/**
	 * Runs a form's use case: its result goes where {@code done} says (a redirect to what
	 * was made); invalid fields show the form again with each error beside its field, and
	 * a refusal (not active, sold out, changed meanwhile …) shows it again with the
	 * refusal above it as {@code refused} — what was typed kept either way.
	 * @param <T> what the use case makes
	 * @param <E> what it may throw besides refusals (an upload's IOException)
	 * @param model the page's model
	 * @param useCase the use case, called once
	 * @param done the view after success
	 * @param form the form's view, given the errors by field
	 * @return the view
	 * @throws E when the use case does
	 */
	public static <T, E extends Exception> String submit(Model model, UseCase<T, E> useCase, Function<T, String> done,
			Function<Map<String, String>, String> form) throws E {
		T result;
		try {
			result = useCase.run();
		}
		catch (InvalidInputException invalid) {
			return form.apply(byField(invalid.violations()));
		}
		catch (RuleViolationException refused) {
			model.addAttribute("refused", refused.getMessage());
			return form.apply(Map.of());
		}
		return done.apply(result);
	}

	/**
	 * A form's use case, which may read an uploaded file.
	 *
	 * @param <T> what it makes
	 * @param <E> what it may throw besides refusals
	 */
	@FunctionalInterface
	public interface UseCase<T, E extends Exception> {

		T run() throws E;

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
