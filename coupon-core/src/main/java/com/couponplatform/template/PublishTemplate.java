package com.couponplatform.template;

import java.time.Clock;

import org.springframework.stereotype.Service;

/**
 * An operator publishes a DRAFT template: it becomes ACTIVE and claimable in its claim
 * window.
 */
@Service
public class PublishTemplate {

	private final TemplateMapper templates;

	private final TemplateCatalog catalog;

	private final Clock clock;

	PublishTemplate(TemplateMapper templates, TemplateCatalog catalog, Clock clock) {
		this.templates = templates;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Moves the template to ACTIVE.
	 * @param id the template ID
	 * @return the published template
	 * @throws TemplateNotFoundException when there is no such template
	 * @throws IllegalTransitionException unless the template is a DRAFT
	 * @throws VersionConflictException when it changed while being published
	 */
	public CouponTemplate publish(long id) {
		CouponTemplate current = this.catalog.getFresh(id);
		CouponTemplate published = current.moveTo(TemplateStatus.ACTIVE, this.clock.instant());
		int updated = this.templates.updateStatus(id, current.status().name(), published.status().name(),
				current.version(), published.updatedAt());
		this.catalog.evict(id);
		if (updated == 0) {
			throw new VersionConflictException(id);
		}
		return published;
	}

}
