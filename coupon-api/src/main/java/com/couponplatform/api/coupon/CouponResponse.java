package com.couponplatform.api.coupon;

import java.time.Instant;

import com.couponplatform.template.DiscountRule;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * A coupon as the contract shows it: IDs as strings, money in minor units, the status a
 * reader sees now.
 *
 * @param couponId the coupon ID
 * @param templateId its template
 * @param userId its owner
 * @param status the status at the time of the answer
 * @param type the discount type
 * @param discountAmount amount off
 * @param thresholdAmount order amount that must be reached
 * @param percentOff percentage off
 * @param maxDiscountAmount cap of a percentage discount
 * @param validFrom start of validity
 * @param validUntil end of validity (exclusive)
 * @param claimedAt when it was issued
 */
public record CouponResponse(String couponId, String templateId, String userId, CouponStatus status, String type,
		Long discountAmount, Long thresholdAmount, Integer percentOff, Long maxDiscountAmount, Instant validFrom,
		Instant validUntil, Instant claimedAt) {

	public static CouponResponse of(UserCoupon coupon, Instant now) {
		DiscountRule rule = coupon.rule();
		return new CouponResponse(Long.toString(coupon.id()), Long.toString(coupon.templateId()),
				Long.toString(coupon.userId()), coupon.statusAt(now), rule.type().name(), rule.discountAmount(),
				rule.thresholdAmount(), rule.percentOff(), rule.maxDiscountAmount(), coupon.validFrom(),
				coupon.validUntil(), coupon.claimedAt());
	}

}
