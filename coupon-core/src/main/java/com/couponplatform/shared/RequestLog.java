package com.couponplatform.shared;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every log line of a request carries, and the request's one access-log line: its ID
 * (the caller's {@code X-Request-Id}, or one drawn here), who called, the user it acts
 * for and the problem code it was refused with, as MDC entries, so plain logs show the ID
 * and structured (JSON) logs carry them all as fields. The services' request filters call
 * it; it knows nothing of HTTP types, so coupon-core stays free of web code.
 */
public final class RequestLog {

	/** The header a request ID comes in and goes back out in. */
	public static final String HEADER = "X-Request-Id";

	public static final String REQUEST_ID = "requestId";

	public static final String PRINCIPAL = "principal";

	public static final String USER_ID = "userId";

	public static final String PROBLEM_CODE = "problemCode";

	private static final List<String> KEYS = List.of(REQUEST_ID, PRINCIPAL, USER_ID, PROBLEM_CODE);

	/** A caller's ID is kept only if it cannot forge log lines or flood them. */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Logger access = LoggerFactory.getLogger("com.couponplatform.access");

	private RequestLog() {
	}

	/**
	 * Starts a request's log context.
	 * @param offered the caller's {@code X-Request-Id}, or {@code null}
	 * @return the request's ID: the offered one when well formed, else 16 fresh hex
	 * digits
	 */
	public static String begin(String offered) {
		KEYS.forEach(MDC::remove);
		String id = (offered != null && ACCEPTED.matcher(offered).matches()) ? offered
				: String.format("%016x", ThreadLocalRandom.current().nextLong());
		MDC.put(REQUEST_ID, id);
		return id;
	}

	/**
	 * @param name the authenticated caller: a user ID, a client ID, an operator
	 */
	public static void principal(String name) {
		MDC.put(PRINCIPAL, name);
	}

	/**
	 * @param userId the user whose coupons the request acts on
	 */
	public static void user(long userId) {
		MDC.put(USER_ID, Long.toString(userId));
	}

	/**
	 * @param problem what the request is answered with
	 */
	public static void refused(Problem problem) {
		MDC.put(PROBLEM_CODE, problem.code());
	}

	/**
	 * Writes the access-log line (logger {@code com.couponplatform.access}, INFO) and
	 * ends the request's log context.
	 * @param method the HTTP method
	 * @param path the request path, without the query
	 * @param status the answer's status
	 * @param nanos how long it took
	 */
	public static void end(String method, String path, int status, long nanos) {
		try {
			if (access.isInfoEnabled()) {
				String code = MDC.get(PROBLEM_CODE);
				String user = MDC.get(USER_ID);
				String principal = MDC.get(PRINCIPAL);
				access.info("{} {} {}{} {} ms{}{}", method, path, status, (code != null) ? " " + code : "",
						Math.round(nanos / 1e5) / 10.0, (user != null) ? " user=" + user : "",
						(principal != null) ? " principal=" + principal : "");
			}
		}
		finally {
			KEYS.forEach(MDC::remove);
		}
	}

}
