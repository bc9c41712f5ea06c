package com.couponplatform.wallet;

import java.time.Instant;

import com.couponplatform.template.DiscountRule;
import com.couponplatform.template.TemplateType;

/**
 * A {@code user_coupon} row as MyBatis maps it.
 */
public class UserCouponRow {

	long id;

	long userId;

	long templateId;

	String status;

	String type;

	Long discountAmount;

	Long thresholdAmount;

	Integer percentOff;

	Long maxDiscountAmount;

	Instant validFrom;

	Instant validUntil;

	Instant claimedAt;

	String origin;

	String originRef;

	Integer claimSlot;

	Instant updatedAt;

	/**
	 * The row of a new coupon.
	 * @param coupon the coupon
	 * @param claimSlot for claims, which of the user's per-template slots it takes;
	 * otherwise {@code null}
	 * @return the row to insert
	 */
	public static UserCouponRow of(UserCoupon coupon, Integer claimSlot) {
		UserCouponRow row = new UserCouponRow();
		row.id = coupon.id();
		row.userId = coupon.userId();
		row.templateId = coupon.templateId();
		row.status = coupon.status().name();
		DiscountRule rule = coupon.rule();
		row.type = rule.type().name();
		row.discountAmount = rule.discountAmount();
		row.thresholdAmount = rule.thresholdAmount();
		row.percentOff = rule.percentOff();
		row.maxDiscountAmount = rule.maxDiscountAmount();
		row.validFrom = coupon.validFrom();
		row.validUntil = coupon.validUntil();
		row.claimedAt = coupon.claimedAt();
		row.origin = coupon.origin().name();
		row.originRef = coupon.originRef();
		row.claimSlot = claimSlot;
		row.updatedAt = coupon.claimedAt();
		return row;
	}

	public UserCoupon toCoupon() {
		return new UserCoupon(this.id, this.userId, this.templateId, CouponStatus.valueOf(this.status),
				new DiscountRule(TemplateType.valueOf(this.type), this.discountAmount, this.thresholdAmount,
						this.percentOff, this.maxDiscountAmount),
				this.validFrom, this.validUntil, this.claimedAt, CouponOrigin.valueOf(this.origin), this.originRef);
	}

}
