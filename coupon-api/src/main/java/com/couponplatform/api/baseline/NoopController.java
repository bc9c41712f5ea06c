package com.couponplatform.api.baseline;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.api.web.ActingUser;

/**
 * {@code POST /api/v1/noop}: everything a claim costs before the claim itself — the
 * servlet stack, token verification, JSON in and out, the acting user — and nothing
 * after. The claim benchmark reports claims/s as a ratio to this endpoint's rate on the
 * same machine. Exists only with {@code coupon.api.noop-endpoint=true}.
 */
@RestController
@ConditionalOnProperty(name = "coupon.api.noop-endpoint", havingValue = "true")
class NoopController {

	private final ActingUser actingUser;

	NoopController(ActingUser actingUser) {
		this.actingUser = actingUser;
	}

	@PostMapping("/api/v1/noop")
	Map<String, String> noop(@RequestBody NoopRequest request, JwtAuthenticationToken token) {
		long userId = this.actingUser.resolve(token, request.userId());
		return Map.of("userId", Long.toString(userId), "templateId", String.valueOf(request.templateId()), "requestId",
				String.valueOf(request.requestId()));
	}

	/**
	 * A claim-shaped body.
	 *
	 * @param templateId any template ID
	 * @param requestId any request ID
	 * @param userId as in a claim
	 */
	record NoopRequest(String templateId, String requestId, String userId) {
	}

}
