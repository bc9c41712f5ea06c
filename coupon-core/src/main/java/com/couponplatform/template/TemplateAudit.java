package com.couponplatform.template;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.couponplatform.identifier.IdGenerator;

/**
 * The audit log of template changes, written in the same transaction as the change (both
 * live in the global database), so that no change goes unrecorded and no record describes
 * a change that rolled back.
 */
@Component
public class TemplateAudit {

	private final TemplateAuditMapper entries;

	private final IdGenerator ids;

	private final ObjectMapper json;

	private final Clock clock;

	TemplateAudit(TemplateAuditMapper entries, IdGenerator ids, ObjectMapper json, Clock clock) {
		this.entries = entries;
		this.ids = ids;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(String actor, TemplateAction action, CouponTemplate before, CouponTemplate after) {
		this.entries.insert(new AuditEntry(this.ids.nextId(), after.id(), actor, action,
				(before != null) ? document(before) : null, document(after), this.clock.instant()));
	}

	/**
	 * A page of a template's changes, newest first.
	 * @param templateId the template
	 * @param beforeId only entries with a lower ID ({@code Long.MAX_VALUE} for the first
	 * page)
	 * @param limit page size
	 * @return the entries
	 */
	public List<AuditEntry> page(long templateId, long beforeId, int limit) {
		return this.entries.findPage(templateId, beforeId, limit);
	}

	private String document(CouponTemplate template) {
		try {
			return this.json.writeValueAsString(TemplateDocument.of(template));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
