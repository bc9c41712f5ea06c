package com.couponplatform.api.coupon;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.api.web.ActingUser;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.Page;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.FindUserCoupon;
import com.couponplatform.wallet.ListUserCoupons;
import com.couponplatform.wallet.UserCoupon;

/**
 * A user's wallet: their coupons, from their own shard only.
 */
@RestController
@RequestMapping("/api/v1/coupons")
class CouponController {

	private final ListUserCoupons listCoupons;

	private final FindUserCoupon findCoupon;

	private final ActingUser actingUser;

	private final Clock clock;

	CouponController(ListUserCoupons listCoupons, FindUserCoupon findCoupon, ActingUser actingUser, Clock clock) {
		this.listCoupons = listCoupons;
		this.findCoupon = findCoupon;
		this.actingUser = actingUser;
		this.clock = clock;
	}

	@GetMapping
	CouponList list(@RequestParam(required = false) CouponStatus status, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String userId,
			JwtAuthenticationToken token) {
		Page<UserCoupon> page = this.listCoupons.list(this.actingUser.resolve(token, userId), status, cursor, limit);
		Instant now = this.clock.instant();
		return new CouponList(page.items().stream().map((coupon) -> CouponResponse.of(coupon, now)).toList(),
				page.nextCursor());
	}

	@Refuses({ ProblemCode.COUPON_NOT_FOUND })
	@GetMapping("/{couponId}")
	CouponResponse get(@PathVariable String couponId, @RequestParam(required = false) String userId,
			JwtAuthenticationToken token) {
		long owner = this.actingUser.resolve(token, userId);
		return CouponResponse.of(this.findCoupon.find(owner, Ids.parse("couponId", couponId)), this.clock.instant());
	}

	/**
	 * A page of coupons.
	 *
	 * @param items the coupons, newest claim first
	 * @param nextCursor the next page's cursor, or {@code null}
	 */
	record CouponList(List<CouponResponse> items, String nextCursor) {
	}

}
