package com.couponplatform.legacy.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.LegacyScopeRef;
import com.couponplatform.legacy.LegacyTemplate;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.MigratedTemplate;
import com.couponplatform.legacy.TemplateMapping;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.LegacyTemplates;

/**
 * The legacy templates in the platform's model, each with its scope rows, read from OLD
 * and kept for {@code coupon.legacy.template-refresh}: the monolith's back office may
 * change them behind the platform. Its issued count is {@code taken_count}, the count
 * OLD's own guard decides by (decision 1). A template the mapping cannot map (bad data)
 * is served as absent, and reported in the log.
 */
public final class OldTemplates implements LegacyTemplates {

	private static final Logger logger = LoggerFactory.getLogger(OldTemplates.class);

	private final JdbcClient sql;

	private final TemplateMapping mapping;

	private final LoadingCache<Long, Optional<Mapping<MigratedTemplate>>> cache;

	OldTemplates(JdbcClient sql, LegacyTime time, Duration refresh) {
		this.sql = sql;
		this.mapping = new TemplateMapping(time);
		this.cache = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(refresh)
			.build((id) -> load(this.sql, id));
	}

	@Override
	public Optional<CouponTemplate> find(long id) {
		return mapped(this.cache.get(id));
	}

	@Override
	public Optional<CouponTemplate> findFresh(long id) {
		this.cache.invalidate(id);
		return find(id);
	}

	/**
	 * What the mapping makes of a template, for mapping its coupons.
	 * @param id the template ID
	 * @return the mapping, or empty when OLD has no such template
	 */
	public Optional<Mapping<MigratedTemplate>> mapping(long id) {
		return this.cache.get(id);
	}

	/**
	 * {@link #mapping(long)}, read on a miss through a given client: a transaction on OLD
	 * maps its rows on its own connection, never waiting for a second one.
	 * @param id the template ID
	 * @param via the transaction's client
	 * @return the mapping, or empty when OLD has no such template
	 */
	Optional<Mapping<MigratedTemplate>> mapping(long id, JdbcClient via) {
		return this.cache.get(id, (key) -> load(via, key));
	}

	static Optional<CouponTemplate> mapped(Optional<Mapping<MigratedTemplate>> mapping) {
		return mapping.filter(Mapping.Mapped.class::isInstance).map((mapped) -> mapped.orElseThrow().template());
	}

	private Optional<Mapping<MigratedTemplate>> load(JdbcClient sql, long id) {
		Optional<LegacyTemplate> row = sql.sql("SELECT * FROM t_coupon_template WHERE id = ?")
			.param(id)
			.query(LegacyRowMappers.TEMPLATE)
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		List<LegacyScopeRef> scopes = sql.sql("SELECT * FROM t_coupon_scope WHERE template_id = ? ORDER BY id")
			.param(id)
			.query(LegacyRowMappers.SCOPE)
			.list();
		Mapping<MigratedTemplate> mapped = this.mapping.toNew(row.get(), scopes, row.get().takenCount());
		if (mapped instanceof Mapping.Unmappable<MigratedTemplate> unmappable) {
			logger.warn("Legacy template {} cannot be served: {}", id, unmappable.issues());
		}
		return Optional.of(mapped);
	}

}
