package com.couponplatform.api.claim;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

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
import com.couponplatform.claim.ClaimCouponBatch;
import com.couponplatform.claim.ClaimResult;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.Problem;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;

/**
 * The unified claim interface: 201 with the new coupon, 200 with the same coupon when the
 * same request ID comes again.
 */
@RestController
@RequestMapping("/api/v1/claims")
class ClaimController {

	private final ClaimCoupon claimCoupon;

	private final ActingUser actingUser;

	private final ClaimCouponBatch claimCouponBatch;

	private final Clock clock;

	private final ClaimRateLimiter rateLimiter;

	ClaimController(ClaimCoupon claimCoupon, ClaimCouponBatch claimCouponBatch, ActingUser actingUser, Clock clock,
			ClaimRateLimiter rateLimiter) {
		this.rateLimiter = rateLimiter;
		this.claimCoupon = claimCoupon;
		this.claimCouponBatch = claimCouponBatch;
		this.actingUser = actingUser;
		this.clock = clock;
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.NOT_ELIGIBLE, ProblemCode.SOLD_OUT,
			ProblemCode.PER_USER_LIMIT, ProblemCode.CLAIM_WINDOW_CLOSED, ProblemCode.TEMPLATE_NOT_ACTIVE,
			ProblemCode.IDEMPOTENCY_KEY_REUSED, ProblemCode.RATE_LIMITED })
	@ApiResponse(responseCode = "201", description = "the coupon, issued now", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "the coupon an earlier call with this requestId issued",
			useReturnTypeSchema = true)
	@PostMapping
	ResponseEntity<CouponResponse> claim(@RequestBody ClaimRequest request, JwtAuthenticationToken token) {
		long userId = this.actingUser.resolve(token, request.userId());
		this.rateLimiter.acquire(userId);
		long templateId = Ids.parse("templateId", request.templateId());
		ClaimResult result = this.claimCoupon.claim(userId, templateId, request.requestId());
		return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/v1/coupons/" + result.coupon().id()))
			.body(CouponResponse.of(result.coupon(), this.clock.instant()));
	}

	@Refuses({ ProblemCode.RATE_LIMITED })
	@PostMapping("/batch")
	BatchResponse claimBatch(@RequestBody BatchRequest request, JwtAuthenticationToken token) {
		long userId = this.actingUser.resolve(token, request.userId());
		this.rateLimiter.acquire(userId);
		List<String> ids = (request.templateIds() != null) ? request.templateIds() : List.of();
		List<Long> templateIds = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			templateIds.add(Ids.parse("templateIds[" + i + "]", ids.get(i)));
		}
		Instant now = this.clock.instant();
		return new BatchResponse(this.claimCouponBatch.claim(userId, templateIds, request.requestId())
			.stream()
			.map((item) -> new BatchItem(Long.toString(item.templateId()),
					(item.claim() != null) ? CouponResponse.of(item.claim().coupon(), now) : null, item.error()))
			.toList());
	}

	/**
	 * A batch claim as sent.
	 *
	 * @param templateIds the templates to claim, 1 to 20, distinct
	 * @param requestId the client's idempotency key for the whole batch
	 * @param userId the user, required for the checkout service and optional for users
	 */
	record BatchRequest(List<String> templateIds, String requestId, String userId) {
	}

	/**
	 * One result per template, in the order asked.
	 *
	 * @param results the results
	 */
	record BatchResponse(List<BatchItem> results) {
	}

	/**
	 * The outcome for one template: the coupon, or the problem that refused it.
	 *
	 * @param templateId the template
	 * @param coupon the coupon, or {@code null}
	 * @param error the problem, or {@code null}
	 */
	record BatchItem(String templateId, CouponResponse coupon, Problem error) {
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
