package com.couponplatform.template;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Reads templates for the hot paths through a small in-process cache.
 *
 * <p>
 * A cached template may be up to a second stale; that is safe because the decisions that
 * must be exact (status, claim window, stock) are taken again by the database guard
 * {@link TemplateMapper#takeStock}.
 */
@Component
public class TemplateCatalog {

	private final TemplateMapper templates;

	private final Cache<Long, Optional<CouponTemplate>> cache = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofSeconds(1))
		.build();

	TemplateCatalog(TemplateMapper templates) {
		this.templates = templates;
	}

	/**
	 * A template, possibly from the cache.
	 * @param id the template ID
	 * @return the template
	 * @throws TemplateNotFoundException when there is none with that ID
	 */
	public CouponTemplate get(long id) {
		// Unknown IDs are cached too, so a flood of bad IDs does not reach the database.
		return this.cache.get(id, this::load).orElseThrow(() -> new TemplateNotFoundException(id));
	}

	/**
	 * A template read from the database, bypassing the cache.
	 * @param id the template ID
	 * @return the template
	 * @throws TemplateNotFoundException when there is none with that ID
	 */
	public CouponTemplate getFresh(long id) {
		Optional<CouponTemplate> template = load(id);
		this.cache.put(id, template);
		return template.orElseThrow(() -> new TemplateNotFoundException(id));
	}

	void evict(long id) {
		this.cache.invalidate(id);
	}

	private Optional<CouponTemplate> load(long id) {
		return Optional.ofNullable(this.templates.findById(id)).map(TemplateRow::toTemplate);
	}

}
