package com.couponplatform.template;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * NEW's copies of legacy templates (the static copy, STATIC_COPIED): written with their
 * legacy IDs, read back to be compared with OLD, and removed by the copy's rollback.
 * Nothing else writes templates with a chosen ID.
 */
@Component
public class LegacyTemplateCopies {

	private final TemplateMapper templates;

	LegacyTemplateCopies(TemplateMapper templates) {
		this.templates = templates;
	}

	/**
	 * Writes a template unless one with its ID exists (a copy run again writes nothing
	 * twice).
	 * @param template the template, with its legacy ID
	 * @return whether it was written now
	 */
	public boolean insertIfAbsent(CouponTemplate template) {
		if (this.templates.findById(template.id()) != null) {
			return false;
		}
		this.templates.insert(TemplateRow.of(template));
		return true;
	}

	/**
	 * @param id a template ID
	 * @return the template NEW holds under it, or empty
	 */
	public Optional<CouponTemplate> find(long id) {
		return Optional.ofNullable(this.templates.findById(id)).map(TemplateRow::toTemplate);
	}

	/**
	 * @param id a copied template's ID
	 */
	public void delete(long id) {
		this.templates.deleteById(id);
	}

}
