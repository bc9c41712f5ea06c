package com.couponplatform.api.redemption;

import java.net.URI;
import java.time.Clock;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.api.coupon.CouponResponse;
import com.couponplatform.api.web.ActingUser;
import com.couponplatform.redemption.CodeNotRedeemableException;
import com.couponplatform.redemption.RedeemCode;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;

/**
 * {@code POST /api/v1/redemptions}: 201 with the code's coupon, 200 with the same coupon
 * when the same request ID comes again, 422 {@code CODE_NOT_REDEEMABLE} for any code that
 * gives nothing, 429 once the caller failed too often.
 */
@RestController
@RequestMapping("/api/v1/redemptions")
class RedemptionController {

	private final RedeemCode redeemCode;

	private final RedemptionThrottle throttle;

	private final ActingUser actingUser;

	private final Clock clock;

	RedemptionController(RedeemCode redeemCode, RedemptionThrottle throttle, ActingUser actingUser, Clock clock) {
		this.redeemCode = redeemCode;
		this.throttle = throttle;
		this.actingUser = actingUser;
		this.clock = clock;
	}

	@Refuses({ ProblemCode.CODE_NOT_REDEEMABLE, ProblemCode.IDEMPOTENCY_KEY_REUSED, ProblemCode.RATE_LIMITED })
	@ApiResponse(responseCode = "201", description = "the coupon the code gave", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "the coupon an earlier call with this requestId got",
			useReturnTypeSchema = true)
	@PostMapping
	ResponseEntity<CouponResponse> redeem(@RequestBody RedemptionRequest request, JwtAuthenticationToken token,
			HttpServletRequest http) {
		long userId = this.actingUser.resolve(token, request.userId());
		// The address the connector saw, or the client's as a trusted proxy reports it
		// when server.forward-headers-strategy is set.
		String address = http.getRemoteAddr();
		this.throttle.check(userId, address);
		RedeemCode.Redemption redemption;
		try {
			redemption = this.redeemCode.redeem(userId, request.code(), request.requestId());
		}
		catch (CodeNotRedeemableException ex) {
			this.throttle.failed(userId, address);
			throw ex;
		}
		return ResponseEntity.status(redemption.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/v1/coupons/" + redemption.coupon().id()))
			.body(CouponResponse.of(redemption.coupon(), this.clock.instant()));
	}

	/**
	 * A redemption as sent.
	 *
	 * @param code the code as typed (spaces, dashes and case do not matter)
	 * @param requestId the client's idempotency key
	 * @param userId the user, required for the checkout service and optional for users
	 */
	record RedemptionRequest(String code, String requestId, String userId) {
	}

}
