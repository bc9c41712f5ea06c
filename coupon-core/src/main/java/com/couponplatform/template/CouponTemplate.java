package com.couponplatform.template;

import java.time.Instant;

import com.couponplatform.targeting.TagFallback;
import com.couponplatform.targeting.TagExpression;

/**
 * What a coupon is: its discount rule, its stock, who may claim it when, and how long it
 * lasts.
 *
 * @param id the template ID
 * @param name the operator's name for it
 * @param rule the discount rule copied into every coupon
 * @param totalStock how many coupons may ever be issued
 * @param issued how many have been taken from the stock so far
 * @param perUserLimit how many coupons one user may claim
 * @param claimStart inclusive start of the claim window
 * @param claimEnd exclusive end of the claim window
 * @param validity when a claimed coupon can be used
 * @param scope which cart lines it may discount
 * @param targeting who may claim it, or {@code null} for everyone
 * @param tagFallback what a targeted claim decides when user tags cannot be read
 * @param refundable whether a refunded order gives the coupon back
 * @param status lifecycle status
 * @param version optimistic-lock version, incremented on every change
 * @param createdBy the back-office user who created it
 * @param createdAt creation instant
 * @param updatedAt last change instant
 */
public record CouponTemplate(long id, String name, DiscountRule rule, long totalStock, long issued, int perUserLimit,
		Instant claimStart, Instant claimEnd, Validity validity, ProductScope scope, TagExpression targeting,
		TagFallback tagFallback, boolean refundable, TemplateStatus status, int version, String createdBy,
		Instant createdAt, Instant updatedAt) {

	/**
	 * Refuses a claim that this template cannot take now, whatever the stock.
	 * @param now the current instant
	 * @throws TemplateNotActiveException unless the template is ACTIVE
	 * @throws ClaimWindowClosedException outside the claim window
	 */
	public void checkClaimableAt(Instant now) {
		if (this.status != TemplateStatus.ACTIVE) {
			throw new TemplateNotActiveException(this.id, this.status);
		}
		if (now.isBefore(this.claimStart) || !now.isBefore(this.claimEnd)) {
			throw new ClaimWindowClosedException(this.id, this.claimStart, this.claimEnd);
		}
	}

	public boolean isSoldOut() {
		return this.issued >= this.totalStock;
	}

	/**
	 * This template in another status, one version later.
	 * @param next the new status
	 * @param now the instant of the change
	 * @return the changed template
	 * @throws IllegalTransitionException when the lifecycle forbids the move
	 */
	public CouponTemplate moveTo(TemplateStatus next, Instant now) {
		if (!this.status.canMoveTo(next)) {
			throw new IllegalTransitionException(this.id, this.status, next);
		}
		return new CouponTemplate(this.id, this.name, this.rule, this.totalStock, this.issued, this.perUserLimit,
				this.claimStart, this.claimEnd, this.validity, this.scope, this.targeting, this.tagFallback,
				this.refundable, next, this.version + 1, this.createdBy, this.createdAt, now);
	}

	/**
	 * This template's content as the next revision of another: identity, stock taken,
	 * status and creation are the other's; the version is one higher.
	 * @param current the revision it replaces
	 * @param now the instant of the change
	 * @return the new revision
	 */
	public CouponTemplate asRevisionOf(CouponTemplate current, Instant now) {
		return new CouponTemplate(current.id, this.name, this.rule, this.totalStock, current.issued, this.perUserLimit,
				this.claimStart, this.claimEnd, this.validity, this.scope, this.targeting, this.tagFallback,
				this.refundable, current.status, current.version + 1, current.createdBy, current.createdAt, now);
	}

	/**
	 * This template with only the changes a live template may take.
	 * @param newTotalStock the new total stock
	 * @param newClaimEnd the new end of the claim window
	 * @param newValidity the new validity
	 * @return the changed template, same version
	 */
	public CouponTemplate withStockAndEnds(long newTotalStock, Instant newClaimEnd, Validity newValidity) {
		return new CouponTemplate(this.id, this.name, this.rule, newTotalStock, this.issued, this.perUserLimit,
				this.claimStart, newClaimEnd, newValidity, this.scope, this.targeting, this.tagFallback,
				this.refundable, this.status, this.version, this.createdBy, this.createdAt, this.updatedAt);
	}

}
