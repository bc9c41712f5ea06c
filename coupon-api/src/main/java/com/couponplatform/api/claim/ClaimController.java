package com.couponplatform.api.claim;

import java.net.URI;
import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.api.coupon.CouponResponse;
import com.couponplatform.api.web.ActingUser;
import com.couponplatform.claim.ClaimCoupon;
import com.couponplatform.claim.ClaimResult;
import com.couponplatform.shared.Ids;

/**
 * The unified claim interface: 201 with the new coupon, 200 with the same coupon when the
 * same request ID comes again.
 */
@RestController
@RequestMapping("/api/v1/claims")
class ClaimController {

	private final ClaimCoupon claimCoupon;

	private final ActingUser actingUser;

	private final Clock clock;

	ClaimController(ClaimCoupon claimCoupon, ActingUser actingUser, Clock clock) {
		this.claimCoupon = claimCoupon;
		this.actingUser = actingUser;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<CouponResponse> claim(@RequestBody ClaimRequest request, JwtAuthenticationToken token) {
		long userId = this.actingUser.resolve(token, request.userId());
		long templateId = Ids.parse("templateId", request.templateId());
		ClaimResult result = this.claimCoupon.claim(userId, templateId, request.requestId());
		return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/v1/coupons/" + result.coupon().id()))
			.body(CouponResponse.of(result.coupon(), this.clock.instant()));
	}

	/**
	 * A claim as sent.
	 *
	 * @param templateId the template to claim
	 * @param requestId the client's idempotency key
	 * @param userId the user, required for the checkout service and optional for users
	 */
	record ClaimRequest(String templateId, String requestId, String userId) {
	}

}
