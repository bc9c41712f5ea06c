package com.couponplatform.wallet;

import java.time.Instant;

import com.couponplatform.template.DiscountRule;

/**
 * One coupon in a user's wallet, with the template's rule fields copied in.
 *
 * @param id the coupon ID
 * @param userId the owner
 * @param templateId the template it was issued from
 * @param status the stored status
 * @param rule the discount rule, copied from the template
 * @param validFrom inclusive start of validity
 * @param validUntil exclusive end of validity
 * @param claimedAt when it was issued
 * @param origin how it was issued
 * @param originRef the key of the issuing act (request ID, job ID, code)
 */
public record UserCoupon(long id, long userId, long templateId, CouponStatus status, DiscountRule rule,
		Instant validFrom, Instant validUntil, Instant claimedAt, CouponOrigin origin, String originRef) {

	/**
	 * The status a reader sees at a given instant: UNUSED past its end reads as EXPIRED.
	 * @param now the reading instant
	 * @return the effective status
	 */
	public CouponStatus statusAt(Instant now) {
		if (this.status == CouponStatus.UNUSED && !now.isBefore(this.validUntil)) {
			return CouponStatus.EXPIRED;
		}
		return this.status;
	}

	/**
	 * The same coupon in another stored status.
	 * @param next the new status
	 * @return the changed copy
	 */
	public UserCoupon withStatus(CouponStatus next) {
		return new UserCoupon(this.id, this.userId, this.templateId, next, this.rule, this.validFrom, this.validUntil,
				this.claimedAt, this.origin, this.originRef);
	}

}
