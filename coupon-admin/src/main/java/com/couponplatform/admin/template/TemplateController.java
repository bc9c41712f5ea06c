package com.couponplatform.admin.template;

import java.net.URI;
import java.security.Principal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.shared.Ids;
import com.couponplatform.statistic.ReadTemplateStatistic;
import com.couponplatform.statistic.TemplateStatistic;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.PublishTemplate;
import com.couponplatform.template.TemplateCatalog;

/**
 * Operators create and publish templates; anyone with a back-office role reads them.
 */
@RestController
@RequestMapping("/admin/api/v1/templates")
class TemplateController {

	private final CreateTemplate createTemplate;

	private final PublishTemplate publishTemplate;

	private final TemplateCatalog catalog;

	private final ReadTemplateStatistic statistics;

	TemplateController(CreateTemplate createTemplate, PublishTemplate publishTemplate, TemplateCatalog catalog,
			ReadTemplateStatistic statistics) {
		this.createTemplate = createTemplate;
		this.publishTemplate = publishTemplate;
		this.catalog = catalog;
		this.statistics = statistics;
	}

	@PostMapping
	ResponseEntity<TemplateResponse> create(@RequestBody NewTemplate request, Principal operator) {
		CouponTemplate template = this.createTemplate.create(request, operator.getName());
		return ResponseEntity.created(URI.create("/admin/api/v1/templates/" + template.id()))
			.body(TemplateResponse.of(template));
	}

	@GetMapping("/{id}")
	TemplateResponse get(@PathVariable String id) {
		return TemplateResponse.of(this.catalog.getFresh(Ids.parse("id", id)));
	}

	@PostMapping("/{id}/publish")
	TemplateResponse publish(@PathVariable String id) {
		return TemplateResponse.of(this.publishTemplate.publish(Ids.parse("id", id)));
	}

	@GetMapping("/{id}/statistics")
	StatisticResponse statistics(@PathVariable String id) {
		long templateId = Ids.parse("id", id);
		this.catalog.getFresh(templateId);
		TemplateStatistic statistic = this.statistics.read(templateId);
		return new StatisticResponse(Long.toString(templateId), statistic.issued(), statistic.updatedAt());
	}

	/**
	 * A template's counters kept from its events.
	 *
	 * @param templateId the template
	 * @param issued coupons issued, counted from {@code CouponClaimed} events
	 * @param updatedAt when the counters last changed
	 */
	record StatisticResponse(String templateId, long issued, java.time.Instant updatedAt) {
	}

}
