package com.couponplatform.admin.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.couponplatform.shared.Problem;
import com.couponplatform.shared.RequestLog;

/**
 * Writes {@link Problem}s as {@code application/problem+json}, from controllers and from
 * the security filters alike, and names each one's code in the request's access-log line.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static ResponseEntity<Object> entity(Problem problem) {
		RequestLog.refused(problem);
		return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A problem the client may retry after the given wait ({@code Retry-After}). */
	static ResponseEntity<Object> retryAfter(Problem problem, long seconds) {
		RequestLog.refused(problem);
		return ResponseEntity.status(problem.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	static void write(HttpServletResponse response, ObjectMapper json, Problem problem) throws IOException {
		RequestLog.refused(problem);
		response.setStatus(problem.status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
