package com.couponplatform.template;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator moves a template through its lifecycle: publish a DRAFT, pause and resume
 * an ACTIVE one, end it. Each move is a conditional update on the version read, recorded
 * in the audit log in the same transaction.
 */
@Service
public class ChangeTemplateStatus {

	private final TemplateMapper templates;

	private final TemplateCatalog catalog;

	private final TemplateAudit audit;

	private final Clock clock;

	ChangeTemplateStatus(TemplateMapper templates, TemplateCatalog catalog, TemplateAudit audit, Clock clock) {
		this.templates = templates;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * DRAFT → ACTIVE: claimable inside its claim window.
	 * @param id the template
	 * @param actor the back-office user
	 * @return the published template
	 */
	@Transactional
	public CouponTemplate publish(long id, String actor) {
		return move(id, TemplateStatus.DRAFT, TemplateStatus.ACTIVE, TemplateAction.PUBLISH, actor);
	}

	/**
	 * ACTIVE → PAUSED: claims stop until it is resumed; issued coupons stay usable.
	 * @param id the template
	 * @param actor the back-office user
	 * @return the paused template
	 */
	@Transactional
	public CouponTemplate pause(long id, String actor) {
		return move(id, TemplateStatus.ACTIVE, TemplateStatus.PAUSED, TemplateAction.PAUSE, actor);
	}

	/**
	 * PAUSED → ACTIVE.
	 * @param id the template
	 * @param actor the back-office user
	 * @return the resumed template
	 */
	@Transactional
	public CouponTemplate resume(long id, String actor) {
		return move(id, TemplateStatus.PAUSED, TemplateStatus.ACTIVE, TemplateAction.RESUME, actor);
	}

	/**
	 * Any status but ENDED → ENDED, for good: no more claims; issued coupons stay usable.
	 * @param id the template
	 * @param actor the back-office user
	 * @return the ended template
	 */
	@Transactional
	public CouponTemplate end(long id, String actor) {
		return move(id, null, TemplateStatus.ENDED, TemplateAction.END, actor);
	}

	private CouponTemplate move(long id, TemplateStatus requiredFrom, TemplateStatus to, TemplateAction action,
			String actor) {
		CouponTemplate current = this.catalog.getFresh(id);
		if (requiredFrom != null && current.status() != requiredFrom) {
			throw new IllegalTransitionException(id, current.status(), to);
		}
		CouponTemplate moved = current.moveTo(to, this.clock.instant());
		if (this.templates.updateStatus(id, current.status().name(), to.name(), current.version(),
				moved.updatedAt()) == 0) {
			throw new VersionConflictException(id);
		}
		this.audit.record(actor, action, current, moved);
		this.catalog.changed(moved);
		return moved;
	}

}
