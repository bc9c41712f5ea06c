package com.couponplatform.api.web;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RequestLog;
import com.couponplatform.shared.RuleViolationException;
import com.couponplatform.shared.UserId;

/**
 * Decides whose coupons a request acts on: a user's token acts for its subject only; the
 * checkout service's token ({@code coupon.service}) must name the user.
 */
@Component
public class ActingUser {

	/**
	 * The user a request acts for.
	 * @param token the caller's verified token
	 * @param requestedUserId the {@code userId} the request names, or {@code null}
	 * @return the acting user's ID
	 * @throws InvalidInputException when a service names no user, or a malformed one
	 * @throws ActingForAnotherUserException when a user names someone else
	 */
	public long resolve(JwtAuthenticationToken token, String requestedUserId) {
		if (hasAuthority(token, ApiSecurityConfiguration.SERVICE_SCOPE)) {
			// The subject is the service's client ID, not a user.
			if (requestedUserId == null) {
				throw new InvalidInputException("userId", "is required when acting as the checkout service");
			}
			long named = parse(requestedUserId);
			RequestLog.user(named);
			return named;
		}
		long subject = Long.parseLong(token.getToken().getSubject());
		RequestLog.user(subject);
		if (requestedUserId != null && parse(requestedUserId) != subject) {
			throw new ActingForAnotherUserException();
		}
		return subject;
	}

	private static long parse(String userId) {
		long parsed = UserId.parseOrNegative(userId);
		if (parsed <= 0) {
			throw new InvalidInputException("userId", "must be a positive 64-bit integer in decimal");
		}
		return parsed;
	}

	private static boolean hasAuthority(JwtAuthenticationToken token, String authority) {
		for (GrantedAuthority granted : token.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A user's token named another user.
	 */
	static class ActingForAnotherUserException extends RuleViolationException {

		ActingForAnotherUserException() {
			super(ProblemCode.FORBIDDEN, "A user token can only act for its own user");
		}

	}

}
