package com.couponplatform.api.checkout;

import java.time.Clock;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.api.coupon.CouponResponse;
import com.couponplatform.api.web.ActingUser;
import com.couponplatform.checkout.ConsumeOrderCoupon;
import com.couponplatform.checkout.LockOrderCoupon;
import com.couponplatform.checkout.RefundOrderCoupon;
import com.couponplatform.checkout.ReleaseOrderCoupon;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;
import com.couponplatform.wallet.UserCoupon;

/**
 * An order's coupon, driven by the checkout service ({@code coupon.service} scope, naming
 * the user). Every call answers 200 with the coupon and is safe to repeat.
 */
@RestController
@RequestMapping("/api/v1/orders/{orderId}")
class OrderCouponController {

	private final LockOrderCoupon lock;

	private final ConsumeOrderCoupon consume;

	private final ReleaseOrderCoupon release;

	private final RefundOrderCoupon refund;

	private final ActingUser actingUser;

	private final Clock clock;

	OrderCouponController(LockOrderCoupon lock, ConsumeOrderCoupon consume, ReleaseOrderCoupon release,
			RefundOrderCoupon refund, ActingUser actingUser, Clock clock) {
		this.lock = lock;
		this.consume = consume;
		this.release = release;
		this.refund = refund;
		this.actingUser = actingUser;
		this.clock = clock;
	}

	@Refuses({ ProblemCode.COUPON_NOT_FOUND, ProblemCode.COUPON_NOT_AVAILABLE, ProblemCode.ORDER_HAS_OTHER_COUPON,
			ProblemCode.THRESHOLD_NOT_MET, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/coupon-lock")
	CouponResponse lock(@PathVariable String orderId, @RequestBody LockRequest request, JwtAuthenticationToken token) {
		long userId = this.actingUser.resolve(token, request.userId());
		return answer(
				this.lock.lock(userId, orderId, Ids.parse("couponId", request.couponId()), request.orderAmount()));
	}

	@Refuses({ ProblemCode.COUPON_NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/coupon-lock/consume")
	CouponResponse consume(@PathVariable String orderId, @RequestBody(required = false) OrderRequest request,
			JwtAuthenticationToken token) {
		return answer(this.consume.consume(userOf(request, token), orderId));
	}

	@Refuses({ ProblemCode.COUPON_NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/coupon-lock/release")
	CouponResponse release(@PathVariable String orderId, @RequestBody(required = false) OrderRequest request,
			JwtAuthenticationToken token) {
		return answer(this.release.release(userOf(request, token), orderId));
	}

	@Refuses({ ProblemCode.COUPON_NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/coupon-refund")
	CouponResponse refund(@PathVariable String orderId, @RequestBody(required = false) OrderRequest request,
			JwtAuthenticationToken token) {
		return answer(this.refund.refund(userOf(request, token), orderId));
	}

	private long userOf(OrderRequest request, JwtAuthenticationToken token) {
		return this.actingUser.resolve(token, (request != null) ? request.userId() : null);
	}

	private CouponResponse answer(UserCoupon coupon) {
		return CouponResponse.of(coupon, this.clock.instant());
	}

	/**
	 * @param couponId the coupon to lock
	 * @param orderAmount the order amount its threshold is checked against
	 * @param userId the order's user
	 */
	record LockRequest(String couponId, Long orderAmount, String userId) {
	}

	/**
	 * @param userId the order's user
	 */
	record OrderRequest(String userId) {
	}

}
