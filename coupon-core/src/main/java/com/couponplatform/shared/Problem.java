package com.couponplatform.shared;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The body of an RFC 9457 problem+json answer, with the platform's stable {@code code};
 * plain Java so that the HTTP services and batch tools describe failures the same way.
 *
 * @param type a URI naming the problem type
 * @param title a short summary of the problem type
 * @param status the HTTP status
 * @param detail what went wrong this time, for a person to read
 * @param code the stable code clients branch on
 * @param errors the invalid fields, for {@code VALIDATION_FAILED}; otherwise {@code null}
 * @param missingAmount for {@code THRESHOLD_NOT_MET}, how much more the order must reach,
 * in minor units; otherwise {@code null} and left out
 * @param preconditions for {@code MIGRATION_PRECONDITION_FAILED}, every precondition
 * checked ({@code name}, {@code holds}, {@code detail}); otherwise {@code null} and left
 * out
 */
public record Problem(String type, String title, int status, String detail, String code, List<FieldViolation> errors,
		@JsonInclude(JsonInclude.Include.NON_NULL) Long missingAmount,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<?> preconditions) {

	private static final String TYPE_BASE = "https://coupon-platform.dev/problems/";

	/**
	 * A problem without field errors.
	 * @param code the stable code, which also gives the status
	 * @param detail what went wrong
	 * @return the problem
	 */
	public static Problem of(ProblemCode code, String detail) {
		return new Problem(TYPE_BASE + code.name().toLowerCase().replace('_', '-'), title(code), code.status(), detail,
				code.name(), null, null, null);
	}

	/**
	 * The problem a refused rule answers with.
	 * @param violation the refusal
	 * @return the problem, with field errors when the input was invalid
	 */
	public static Problem of(RuleViolationException violation) {
		if (violation instanceof InvalidInputException invalid) {
			return invalid(invalid.violations());
		}
		Problem problem = of(violation.code(), violation.getMessage());
		if (violation.missingAmount() == null && violation.preconditions() == null) {
			return problem;
		}
		return new Problem(problem.type, problem.title, problem.status, problem.detail, problem.code, null,
				violation.missingAmount(), violation.preconditions());
	}

	/**
	 * A {@code VALIDATION_FAILED} problem listing every invalid field.
	 * @param violations the invalid fields
	 * @return the problem
	 */
	public static Problem invalid(List<FieldViolation> violations) {
		Problem base = of(ProblemCode.VALIDATION_FAILED, "The request is invalid: see errors");
		return new Problem(base.type, base.title, base.status, base.detail, base.code, List.copyOf(violations), null,
				null);
	}

	/**
	 * The problem for a status the web framework chose itself (unknown path, wrong method
	 * …).
	 * @param status the HTTP status
	 * @param detail what went wrong
	 * @return the problem, with the status kept
	 */
	public static Problem forStatus(int status, String detail) {
		ProblemCode code = switch (status) {
			case 400 -> ProblemCode.VALIDATION_FAILED;
			case 401 -> ProblemCode.UNAUTHENTICATED;
			case 403 -> ProblemCode.FORBIDDEN;
			case 404 -> ProblemCode.NOT_FOUND;
			case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
			case 406 -> ProblemCode.NOT_ACCEPTABLE;
			case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
			case 503 -> ProblemCode.SERVICE_UNAVAILABLE;
			default -> ProblemCode.INTERNAL_ERROR;
		};
		if (code == ProblemCode.VALIDATION_FAILED) {
			return invalid(List.of(new FieldViolation("request", detail)));
		}
		Problem problem = of(code, detail);
		return new Problem(problem.type, problem.title, status, detail, problem.code, null, null, null);
	}

	/**
	 * The problem for a request body that is not JSON or does not bind (a wrong type, an
	 * unknown field), naming the offending field by its JSON path where Jackson knows it.
	 * @param cause the parse or binding failure
	 * @return a {@code VALIDATION_FAILED} problem
	 */
	public static Problem unreadableBody(Throwable cause) {
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			return invalid(List.of(new FieldViolation(field, "has an invalid value or is not a known field")));
		}
		return invalid(List.of(new FieldViolation("body", "is not a valid JSON document")));
	}

	private static String title(ProblemCode code) {
		String words = code.name().replace('_', ' ').toLowerCase();
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
