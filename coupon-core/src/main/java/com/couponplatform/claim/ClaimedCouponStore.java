package com.couponplatform.claim;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * Writes a claimed coupon and its {@link CouponClaimed} event in one local transaction of
 * the user's shard database, within {@code coupon.claim.write-timeout}: a bounded write
 * is what lets reconciliation tell a dead claim from a slow one.
 */
@Component
class ClaimedCouponStore {

	private final UserCouponMapper coupons;

	private final Outbox outbox;

	private final Topics topics;

	private final TransactionTemplate transaction;

	private final ReplicaRouting routing;

	ClaimedCouponStore(UserCouponMapper coupons, Outbox outbox, Topics topics, PlatformTransactionManager transactions,
			ClaimProperties properties, ReplicaRouting routing) {
		this.routing = routing;
		this.coupons = coupons;
		this.outbox = outbox;
		this.topics = topics;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setTimeout((int) Math.max(1, properties.getWriteTimeout().toSeconds()));
	}

	void store(UserCoupon coupon, int claimSlot) {
		this.transaction.executeWithoutResult((status) -> {
			this.coupons.insert(UserCouponRow.of(coupon, claimSlot));
			CouponClaimed event = new CouponClaimed(this.outbox.newEventId(), coupon.id(), coupon.templateId(),
					coupon.userId(), coupon.claimedAt());
			this.outbox.append(coupon.userId(), this.topics.couponClaimed(), Long.toString(coupon.id()), event);
		});
		this.routing.wrote(coupon.userId());
	}

}
