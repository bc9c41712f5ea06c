package com.couponplatform.admin.template;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.shared.Ids;
import com.couponplatform.shared.Keyset;
import com.couponplatform.shared.Page;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;
import com.couponplatform.statistic.ReadTemplateStatistic;
import com.couponplatform.statistic.TemplateStatistic;
import com.couponplatform.template.AuditEntry;
import com.couponplatform.template.TemplateAudit;
import com.couponplatform.template.TemplateCatalog;

/**
 * What happened to a template: its audit log and its issue statistics.
 */
@RestController
@RequestMapping("/admin/api/v1/templates/{id}")
class TemplateHistoryController {

	private static final int DEFAULT_LIMIT = 20;

	private static final int MAX_LIMIT = 100;

	private final TemplateAudit audit;

	private final ReadTemplateStatistic statistics;

	private final TemplateCatalog catalog;

	TemplateHistoryController(TemplateAudit audit, ReadTemplateStatistic statistics, TemplateCatalog catalog) {
		this.audit = audit;
		this.statistics = statistics;
		this.catalog = catalog;
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND })
	@GetMapping("/audit")
	AuditList audit(@PathVariable String id, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		long templateId = existing(id);
		int size = Keyset.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
		Page<AuditEntry> page = Keyset.page(this.audit.page(templateId, Keyset.before(cursor), size + 1), size,
				AuditEntry::id);
		return new AuditList(page.items().stream().map(AuditEntryResponse::of).toList(), page.nextCursor());
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND })
	@GetMapping("/statistics")
	StatisticResponse statistics(@PathVariable String id) {
		long templateId = existing(id);
		return StatisticResponse.of(this.statistics.read(templateId));
	}

	private long existing(String id) {
		long templateId = Ids.parse("id", id);
		this.catalog.getFresh(templateId);
		return templateId;
	}

	/**
	 * A page of audit entries.
	 *
	 * @param items the entries, newest first
	 * @param nextCursor the next page's cursor, or {@code null}
	 */
	record AuditList(List<AuditEntryResponse> items, String nextCursor) {
	}

	/**
	 * One change: who, when, what, and the template before and after.
	 *
	 * @param id the entry ID
	 * @param actor the back-office user
	 * @param action what was done
	 * @param before the template before ({@code null} for a creation)
	 * @param after the template after
	 * @param changedAt when
	 */
	record AuditEntryResponse(String id, String actor, String action, @JsonRawValue String before,
			@JsonRawValue String after, Instant changedAt) {

		static AuditEntryResponse of(AuditEntry entry) {
			return new AuditEntryResponse(Long.toString(entry.id()), entry.actor(), entry.action().name(),
					entry.before(), entry.after(), entry.changedAt());
		}

	}

	/**
	 * A template's counters kept from its events.
	 *
	 * @param templateId the template
	 * @param issued coupons issued
	 * @param unused coupons UNUSED (a past-due one until the expiry job rewrites it)
	 * @param locked coupons LOCKED by an order
	 * @param used coupons USED
	 * @param expired coupons EXPIRED
	 * @param refunded coupons refunds gave back to the wallet, in all
	 * @param updatedAt when the counters last changed
	 */
	record StatisticResponse(String templateId, long issued, long unused, long locked, long used, long expired,
			long refunded, Instant updatedAt) {

		static StatisticResponse of(TemplateStatistic statistic) {
			return new StatisticResponse(Long.toString(statistic.templateId()), statistic.issued(), statistic.unused(),
					statistic.locked(), statistic.used(), statistic.expired(), statistic.refunded(),
					statistic.updatedAt());
		}

	}

}
