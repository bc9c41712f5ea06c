package com.couponplatform.template;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.couponplatform.cache.CacheSettings;
import com.couponplatform.cache.Caches;
import com.couponplatform.cache.TwoLevelCache;

/**
 * Reads templates for the hot paths through the two-level cache; a warm read touches
 * neither Redis nor the database.
 *
 * <p>
 * A cached template may be a few seconds stale at worst (a lost invalidation); that is
 * safe because the decisions that must be exact (status, claim window, stock) are taken
 * again by the database guard {@link TemplateMapper#takeStock}.
 */
@Component
public class TemplateCatalog {

	static final CacheSettings SETTINGS = new CacheSettings(10_000, Duration.ofSeconds(5), Duration.ofMinutes(10),
			Duration.ofSeconds(30));

	private final TwoLevelCache<CouponTemplate> cache;

	TemplateCatalog(TemplateMapper templates, Caches caches) {
		this.cache = caches.create("template", new TemplateCacheCodec(),
				(id) -> Optional.ofNullable(templates.findById(id)).map(TemplateRow::toTemplate).orElse(null),
				SETTINGS);
	}

	/**
	 * A template, possibly from a cache.
	 * @param id the template ID
	 * @return the template
	 * @throws TemplateNotFoundException when there is none with that ID
	 */
	public CouponTemplate get(long id) {
		return this.cache.get(id).orElseThrow(() -> new TemplateNotFoundException(id));
	}

	/**
	 * A template read from the database, refreshing the caches.
	 * @param id the template ID
	 * @return the template
	 * @throws TemplateNotFoundException when there is none with that ID
	 */
	public CouponTemplate getFresh(long id) {
		return this.cache.getFresh(id).orElseThrow(() -> new TemplateNotFoundException(id));
	}

	/**
	 * Makes a change visible on every instance once the current transaction commits (at
	 * once when there is none): a change that rolls back is never published.
	 * @param template the template as changed
	 */
	void changed(CouponTemplate template) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					TemplateCatalog.this.cache.changed(template.id(), template);
				}
			});
		}
		else {
			this.cache.changed(template.id(), template);
		}
	}

}
