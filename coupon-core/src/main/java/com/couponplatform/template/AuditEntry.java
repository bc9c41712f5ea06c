package com.couponplatform.template;

import java.time.Instant;

/**
 * One recorded change of a template.
 *
 * @param id the entry ID (time-ordered)
 * @param templateId the template
 * @param actor the back-office user who made the change
 * @param action what was done
 * @param before the template before, as a JSON document, or {@code null} for a creation
 * @param after the template after, as a JSON document
 * @param changedAt when
 */
public record AuditEntry(long id, long templateId, String actor, TemplateAction action, String before, String after,
		Instant changedAt) {
}
