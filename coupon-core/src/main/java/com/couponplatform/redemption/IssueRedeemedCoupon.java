package com.couponplatform.redemption;

import java.util.List;

import org.springframework.stereotype.Component;

import com.couponplatform.claim.CouponClaimed;
import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.persistence.DuplicateKey;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.Validity;
import com.couponplatform.time.BusinessTime;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;
import com.couponplatform.wallet.UserCouponMapper;
import com.couponplatform.wallet.UserCouponRow;

/**
 * The user's side of a redemption: the coupon row, with the events that count it for its
 * template ({@link CouponClaimed}) and its batch ({@link CodeRedeemed}), in one local
 * transaction of the user's shard. Idempotent — the coupon's origin key (user,
 * REDEMPTION, code) admits one row — so the request, a replay and the consumer of
 * {@link RedemptionAccepted} may all run it and exactly one writes.
 */
@Component
class IssueRedeemedCoupon {

	private final TemplateCatalog catalog;

	private final UserCouponMapper coupons;

	private final Outbox outbox;

	private final Topics topics;

	private final BusinessTime time;

	private final ReplicaRouting routing;

	private final CouponGateway gateway;

	IssueRedeemedCoupon(TemplateCatalog catalog, UserCouponMapper coupons, Outbox outbox, Topics topics,
			BusinessTime time, ReplicaRouting routing, CouponGateway gateway) {
		this.catalog = catalog;
		this.coupons = coupons;
		this.outbox = outbox;
		this.topics = topics;
		this.time = time;
		this.routing = routing;
		this.gateway = gateway;
	}

	/**
	 * Writes the redemption's coupon unless it exists.
	 * @param redemption the accepted redemption
	 * @param fresh whether the use was taken just now by this caller, so that nobody can
	 * have written the coupon yet but the consumer of its event (the insert's duplicate
	 * key tells then): saves a read on the usual path
	 * @return the coupon
	 */
	UserCoupon issue(RedemptionAccepted redemption, boolean fresh) {
		if (!fresh) {
			UserCoupon existing = find(redemption);
			if (existing != null) {
				return existing;
			}
		}
		CouponTemplate template = this.catalog.get(redemption.templateId());
		Validity.Window window = template.validity().windowFor(redemption.redeemedAt(), this.time.zone());
		UserCoupon coupon = new UserCoupon(redemption.couponId(), redemption.userId(), template.id(),
				CouponStatus.UNUSED, template.rule(), window.from(), window.until(), redemption.redeemedAt(),
				CouponOrigin.REDEMPTION, redemption.code());
		try {
			this.gateway.change(coupon.userId(), (writes) -> {
				writes.insert(coupon, null);
				String key = Long.toString(coupon.id());
				writes.append(this.topics.couponClaimed(), key, new CouponClaimed(this.outbox.newEventId(), coupon.id(),
						coupon.templateId(), coupon.userId(), coupon.claimedAt()));
				writes.append(this.topics.codeRedeemed(), key, new CodeRedeemed(this.outbox.newEventId(),
						redemption.batchId(), coupon.id(), redemption.redeemedAt()));
				return coupon;
			});
		}
		catch (RuntimeException ex) {
			if (!DuplicateKey.causedBy(ex)) {
				throw ex;
			}
			UserCoupon existing = find(redemption);
			if (existing == null) {
				throw ex;
			}
			return existing;
		}
		return coupon;
	}

	private UserCoupon find(RedemptionAccepted redemption) {
		// On the primary: a replica's lag must not make a written coupon look missing.
		List<UserCouponRow> rows = this.routing.primary(() -> this.coupons.findByOrigin(redemption.userId(),
				CouponOrigin.REDEMPTION.name(), redemption.code()));
		return rows.isEmpty() ? null : rows.get(0).toCoupon();
	}

}
