package com.couponplatform.claim;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * Writes a claimed coupon and its {@link CouponClaimed} event in one local transaction of
 * the user's shard database.
 */
@Component
class ClaimedCouponStore {

	private final UserCouponMapper coupons;

	private final Outbox outbox;

	private final Topics topics;

	ClaimedCouponStore(UserCouponMapper coupons, Outbox outbox, Topics topics) {
		this.coupons = coupons;
		this.outbox = outbox;
		this.topics = topics;
	}

	@Transactional
	void store(UserCoupon coupon, int claimSlot) {
		this.coupons.insert(UserCouponRow.of(coupon, claimSlot));
		CouponClaimed event = new CouponClaimed(this.outbox.newEventId(), coupon.id(), coupon.templateId(),
				coupon.userId(), coupon.claimedAt());
		this.outbox.append(coupon.userId(), this.topics.couponClaimed(), Long.toString(coupon.id()), event);
	}

}
