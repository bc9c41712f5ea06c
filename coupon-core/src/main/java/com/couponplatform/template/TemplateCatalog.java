package com.couponplatform.template;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.couponplatform.cache.CacheSettings;
import com.couponplatform.cache.Caches;
import com.couponplatform.cache.TwoLevelCache;

/**
 * Reads templates for the hot paths through the two-level cache; a warm read touches
 * neither Redis nor the database. While the platform serves from a legacy database, its
 * templates are the legacy ones ({@link LegacyTemplates}).
 *
 * <p>
 * A cached template may be a few seconds stale at worst (a lost invalidation); that is
 * safe because the decisions that must be exact (status, claim window, stock) are taken
 * again by the database guard {@link TemplateMapper#takeStock}.
 */
@Component
@EnableConfigurationProperties(TemplateCacheProperties.class)
public class TemplateCatalog {

	private static final Duration SHARED_TIME_TO_LIVE = Duration.ofMinutes(10);

	private static final Duration ABSENT_TIME_TO_LIVE = Duration.ofSeconds(30);

	private final TwoLevelCache<CouponTemplate> cache;

	private final ObjectProvider<LegacyTemplates> legacy;

	TemplateCatalog(TemplateMapper templates, Caches caches, TemplateCacheProperties properties,
			ObjectProvider<LegacyTemplates> legacy) {
		this.legacy = legacy;
		CacheSettings settings = new CacheSettings(properties.getLocalMaximumSize(), properties.getLocalTimeToLive(),
				SHARED_TIME_TO_LIVE, ABSENT_TIME_TO_LIVE);
		this.cache = caches.create("template", new TemplateCacheCodec(),
				(id) -> Optional.ofNullable(templates.findById(id)).map(TemplateRow::toTemplate).orElse(null),
				settings);
	}

	/**
	 * A template, possibly from a cache.
	 * @param id the template ID
	 * @return the template
	 * @throws TemplateNotFoundException when there is none with that ID
	 */
	public CouponTemplate get(long id) {
		LegacyTemplates old = this.legacy.getIfAvailable();
		if (old != null) {
			return old.find(id).orElseThrow(() -> new TemplateNotFoundException(id));
		}
		return this.cache.get(id).orElseThrow(() -> new TemplateNotFoundException(id));
	}

	/**
	 * A template read from the database, refreshing the caches.
	 * @param id the template ID
	 * @return the template
	 * @throws TemplateNotFoundException when there is none with that ID
	 */
	public CouponTemplate getFresh(long id) {
		LegacyTemplates old = this.legacy.getIfAvailable();
		if (old != null) {
			return old.findFresh(id).orElseThrow(() -> new TemplateNotFoundException(id));
		}
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
