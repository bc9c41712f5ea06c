package com.couponplatform.template;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.time.BusinessTime;

/**
 * An operator creates a template; it starts as a DRAFT.
 */
@Service
public class CreateTemplate {

	private final TemplateMapper templates;

	private final IdGenerator ids;

	private final Clock clock;

	private final BusinessTime time;

	private final TemplateAudit audit;

	CreateTemplate(TemplateMapper templates, IdGenerator ids, Clock clock, BusinessTime time, TemplateAudit audit) {
		this.templates = templates;
		this.ids = ids;
		this.clock = clock;
		this.time = time;
		this.audit = audit;
	}

	/**
	 * Validates and stores a new DRAFT template.
	 * @param request the template as sent
	 * @param operator the back-office user creating it
	 * @return the stored template
	 * @throws com.couponplatform.shared.InvalidInputException naming every invalid field
	 */
	@Transactional
	public CouponTemplate create(NewTemplate request, String operator) {
		CouponTemplate template = request.validate(this.ids.nextId(), operator, this.clock.instant(), this.time);
		this.templates.insert(TemplateRow.of(template));
		this.audit.record(operator, TemplateAction.CREATE, null, template);
		return template;
	}

}
