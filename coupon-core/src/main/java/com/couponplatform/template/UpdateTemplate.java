package com.couponplatform.template;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.Problem;
import com.couponplatform.shared.Violations;
import com.couponplatform.time.BusinessTime;

/**
 * An operator changes a template by JSON merge patch (RFC 7396), naming the
 * {@code version} they read. A DRAFT may change in every field; an ACTIVE or PAUSED
 * template only in the safe subset — more stock, a later claim end, a later fixed
 * validity end — since users already hold its coupons; an ENDED one not at all.
 */
@Service
public class UpdateTemplate {

	private final TemplateMapper templates;

	private final TemplateCatalog catalog;

	private final TemplateAudit audit;

	private final ObjectMapper json;

	private final Clock clock;

	private final BusinessTime time;

	UpdateTemplate(TemplateMapper templates, TemplateCatalog catalog, TemplateAudit audit, ObjectMapper json,
			Clock clock, BusinessTime time) {
		this.templates = templates;
		this.catalog = catalog;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.time = time;
	}

	/**
	 * Applies a merge patch.
	 * @param id the template
	 * @param patch the patch: a JSON object with {@code version} and the fields to change
	 * @param actor the back-office user
	 * @return the changed template
	 * @throws InvalidInputException for a malformed patch or a change the status does not
	 * allow
	 * @throws VersionConflictException when the template changed since {@code version}
	 * @throws IllegalTransitionException when the template has ENDED
	 */
	@Transactional
	public CouponTemplate update(long id, JsonNode patch, String actor) {
		if (patch == null || !patch.isObject() || !patch.path("version").canConvertToInt()) {
			throw new InvalidInputException("version", "is required: the version of the template you read");
		}
		CouponTemplate current = this.catalog.getFresh(id);
		if (current.status() == TemplateStatus.ENDED) {
			throw new IllegalTransitionException(id, TemplateStatus.ENDED, TemplateStatus.ENDED);
		}
		if (patch.path("version").asInt() != current.version()) {
			throw new VersionConflictException(id);
		}
		ObjectNode document = this.json.valueToTree(NewTemplate.from(current));
		ObjectNode changes = ((ObjectNode) patch).deepCopy();
		changes.remove("version");
		merge(document, changes);
		CouponTemplate candidate = bind(document).validate(id, current.createdBy(), current.createdAt(), this.time);
		CouponTemplate updated = candidate.asRevisionOf(current, this.clock.instant());
		if (current.status() != TemplateStatus.DRAFT) {
			checkSafeWhileLive(current, updated);
		}
		if (this.templates.update(TemplateRow.of(updated), current.version()) == 0) {
			throw new VersionConflictException(id);
		}
		this.audit.record(actor, TemplateAction.UPDATE, current, updated);
		this.catalog.changed(updated);
		return updated;
	}

	/**
	 * RFC 7396: objects merge recursively, {@code null} removes, anything else replaces.
	 */
	private static void merge(ObjectNode target, JsonNode patch) {
		Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			JsonNode value = field.getValue();
			if (value.isNull()) {
				target.remove(field.getKey());
			}
			else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
				merge(nested, value);
			}
			else {
				target.set(field.getKey(), value);
			}
		}
	}

	private NewTemplate bind(ObjectNode document) {
		try {
			return this.json.treeToValue(document, NewTemplate.class);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidInputException(Problem.unreadableBody(ex).errors());
		}
	}

	private static void checkSafeWhileLive(CouponTemplate current, CouponTemplate updated) {
		Violations violations = new Violations();
		violations.require(updated.totalStock() >= current.totalStock(), "totalStock",
				"can only increase while " + current.status());
		violations.require(!updated.claimEnd().isBefore(current.claimEnd()), "claimEnd",
				"can only move later while " + current.status());
		boolean validityExtended = updated.validity().equals(current.validity())
				|| (current.validity() instanceof Validity.Fixed before
						&& updated.validity() instanceof Validity.Fixed after && after.from().equals(before.from())
						&& !after.until().isBefore(before.until()));
		violations.require(validityExtended, "validity", "can only end later while " + current.status());
		CouponTemplate onlySafeChanges = current
			.withStockAndEnds(updated.totalStock(), updated.claimEnd(), updated.validity())
			.asRevisionOf(current, updated.updatedAt());
		violations.require(!violations.isEmpty() || onlySafeChanges.equals(updated), "status",
				"a " + current.status() + " template only takes more stock and later end dates");
		violations.throwIfAny();
	}

}
