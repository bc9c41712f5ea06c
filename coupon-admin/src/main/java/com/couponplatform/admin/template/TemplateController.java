package com.couponplatform.admin.template;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.shared.Ids;
import com.couponplatform.shared.Page;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.ListTemplates;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateDocument;
import com.couponplatform.template.TemplateStatus;
import com.couponplatform.template.UpdateTemplate;

/**
 * Operators create templates and move them through their lifecycle; every back-office
 * role reads them.
 */
@RestController
@RequestMapping("/admin/api/v1/templates")
class TemplateController {

	private final CreateTemplate createTemplate;

	private final ChangeTemplateStatus changeStatus;

	private final ListTemplates listTemplates;

	private final TemplateCatalog catalog;

	private final UpdateTemplate updateTemplate;

	TemplateController(CreateTemplate createTemplate, ChangeTemplateStatus changeStatus, ListTemplates listTemplates,
			TemplateCatalog catalog, UpdateTemplate updateTemplate) {
		this.createTemplate = createTemplate;
		this.changeStatus = changeStatus;
		this.listTemplates = listTemplates;
		this.catalog = catalog;
		this.updateTemplate = updateTemplate;
	}

	@ApiResponse(responseCode = "201", description = "the template, DRAFT", useReturnTypeSchema = true)
	@PostMapping
	ResponseEntity<TemplateDocument> create(@RequestBody NewTemplate request, Principal operator) {
		CouponTemplate template = this.createTemplate.create(request, operator.getName());
		return ResponseEntity.created(URI.create("/admin/api/v1/templates/" + template.id()))
			.body(TemplateDocument.of(template));
	}

	@GetMapping
	TemplateList list(@RequestParam(required = false) TemplateStatus status,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		Page<CouponTemplate> page = this.listTemplates.list(status, cursor, limit);
		return new TemplateList(page.items().stream().map(TemplateDocument::of).toList(), page.nextCursor());
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND })
	@GetMapping("/{id}")
	TemplateDocument get(@PathVariable String id) {
		return TemplateDocument.of(this.catalog.getFresh(Ids.parse("id", id)));
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION, ProblemCode.VERSION_CONFLICT,
			ProblemCode.UNSUPPORTED_MEDIA_TYPE })
	@PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
	TemplateDocument update(@PathVariable String id, @RequestBody JsonNode patch, Principal operator) {
		return TemplateDocument.of(this.updateTemplate.update(Ids.parse("id", id), patch, operator.getName()));
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/{id}/publish")
	TemplateDocument publish(@PathVariable String id, Principal operator) {
		return TemplateDocument.of(this.changeStatus.publish(Ids.parse("id", id), operator.getName()));
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/{id}/pause")
	TemplateDocument pause(@PathVariable String id, Principal operator) {
		return TemplateDocument.of(this.changeStatus.pause(Ids.parse("id", id), operator.getName()));
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/{id}/resume")
	TemplateDocument resume(@PathVariable String id, Principal operator) {
		return TemplateDocument.of(this.changeStatus.resume(Ids.parse("id", id), operator.getName()));
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/{id}/end")
	TemplateDocument end(@PathVariable String id, Principal operator) {
		return TemplateDocument.of(this.changeStatus.end(Ids.parse("id", id), operator.getName()));
	}

	/**
	 * A page of templates.
	 *
	 * @param items the templates, newest first
	 * @param nextCursor the next page's cursor, or {@code null}
	 */
	record TemplateList(List<TemplateDocument> items, String nextCursor) {
	}

}
