package com.couponplatform.api.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.couponplatform.shared.FieldViolation;
import com.couponplatform.shared.Problem;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * Every failure becomes problem+json with a stable {@code code}: refused rules keep
 * theirs, malformed input is 400, an unreachable shard is 503, and nothing else leaks a
 * stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<Object> ruleViolation(RuleViolationException ex) {
		return ProblemResponses.entity(Problem.of(ex));
	}

	@ExceptionHandler
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return ProblemResponses
			.entity(Problem.invalid(List.of(new FieldViolation(ex.getName(), "has an invalid value"))));
	}

	@ExceptionHandler
	ResponseEntity<Object> dataAccess(DataAccessException ex) {
		boolean unavailable = ex instanceof TransientDataAccessException
				|| ex.getMostSpecificCause() instanceof java.net.ConnectException
				|| ex.getMostSpecificCause() instanceof java.sql.SQLTransientConnectionException;
		logger.error("Database failure", ex);
		return ProblemResponses.entity(unavailable
				? Problem.of(ProblemCode.SERVICE_UNAVAILABLE, "Storage is temporarily unavailable; retry later")
				: Problem.of(ProblemCode.INTERNAL_ERROR, "Internal error"));
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex) {
		logger.error("Unexpected failure", ex);
		return ProblemResponses.entity(Problem.of(ProblemCode.INTERNAL_ERROR, "Internal error"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = "body";
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			field = mapping.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
		}
		return ProblemResponses.entity(Problem.invalid(List.of(new FieldViolation(field,
				"body".equals(field) ? "is not a valid JSON document" : "has an invalid value or is unknown"))));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring MVC's own failures (404, 405, 415, missing parameters …) with a code of
		// ours.
		ProblemCode code = switch (statusCode.value()) {
			case 400 -> ProblemCode.VALIDATION_FAILED;
			case 404 -> ProblemCode.NOT_FOUND;
			case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
			case 406 -> ProblemCode.NOT_ACCEPTABLE;
			case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
			case 503 -> ProblemCode.SERVICE_UNAVAILABLE;
			default -> ProblemCode.INTERNAL_ERROR;
		};
		Problem problem = Problem.of(code, ex.getMessage());
		return ResponseEntity.status(statusCode)
			.headers(headers)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(new Problem(problem.type(), problem.title(), statusCode.value(), problem.detail(), problem.code(),
					(code == ProblemCode.VALIDATION_FAILED) ? List.of(new FieldViolation("request", ex.getMessage()))
							: null));
	}

}
