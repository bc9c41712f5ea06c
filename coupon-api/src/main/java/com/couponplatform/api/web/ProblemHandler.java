package com.couponplatform.api.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.couponplatform.persistence.StorageFailure;
import com.couponplatform.shared.FieldViolation;
import com.couponplatform.shared.Problem;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RetryLaterException;
import com.couponplatform.shared.RuleViolationException;

/**
 * Every failure becomes problem+json with a stable {@code code}: refused rules keep
 * theirs, malformed input is 400, an unreachable shard is 503, and nothing else leaks a
 * stack trace. A user whose coupons are changing sides is 503 with {@code Retry-After}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<Object> ruleViolation(RuleViolationException ex) {
		return ProblemResponses.entity(Problem.of(ex));
	}

	@ExceptionHandler
	ResponseEntity<Object> rateLimited(RateLimitedException ex) {
		return ProblemResponses.retryAfter(Problem.of(ex), ex.retryAfterSeconds());
	}

	@ExceptionHandler
	ResponseEntity<Object> retryLater(RetryLaterException ex) {
		return ProblemResponses.retryAfter(ex.problem(), ex.retryAfterSeconds());
	}

	@ExceptionHandler
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return ProblemResponses
			.entity(Problem.invalid(List.of(new FieldViolation(ex.getName(), "has an invalid value"))));
	}

	/**
	 * A statement's failure, or a transaction that could not begin (no connection).
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<Object> storage(RuntimeException ex) {
		if (!StorageFailure.isUnavailable(ex)) {
			logger.error("Database failure", ex);
			return ProblemResponses.entity(StorageFailure.problem(ex));
		}
		// The prober logs a database that stops answering once; its requests' refusals
		// would flood the log.
		logger.debug("Database unavailable", ex);
		return ProblemResponses.retryAfter(StorageFailure.problem(ex), StorageFailure.RETRY_AFTER_SECONDS);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex) {
		logger.error("Unexpected failure", ex);
		return ProblemResponses.entity(Problem.of(ProblemCode.INTERNAL_ERROR, "Internal error"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ProblemResponses.entity(Problem.unreadableBody(ex.getCause()));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring MVC's own failures (404, 405, 415, missing parameters …) with a code of
		// ours.
		return ResponseEntity.status(statusCode)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problem.forStatus(statusCode.value(), ex.getMessage()));
	}

}
