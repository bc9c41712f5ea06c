package com.couponplatform.admin.template;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.couponplatform.admin.web.FormFields;
import com.couponplatform.admin.web.Screen;
import com.couponplatform.shared.FieldViolation;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.Keyset;
import com.couponplatform.shared.Page;
import com.couponplatform.shared.RuleViolationException;
import com.couponplatform.statistic.ReadTemplateStatistic;
import com.couponplatform.statistic.TemplateStatistic;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.ListTemplates;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateAudit;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateStatus;
import com.couponplatform.template.TemplateType;
import com.couponplatform.template.UpdateTemplate;
import com.couponplatform.time.BusinessTime;

/**
 * The templates screens, over the same use cases as the admin API: the list, filtered by
 * status and paged by the API's cursor; the new-template form, with each of the use
 * case's field errors beside its field; a template's page with its lifecycle actions
 * (each behind a confirmation, shown to OPERATOR and ADMIN only, and refused by the
 * security chain to anybody else), its statistics and its audit trail.
 */
@Screen
@RequestMapping("/screens/templates")
class TemplateScreens {

	private static final int AUDIT_ENTRIES = 20;

	private final ListTemplates listTemplates;

	private final CreateTemplate createTemplate;

	private final TemplateCatalog catalog;

	private final ChangeTemplateStatus changeStatus;

	private final TemplateAudit audit;

	private final ReadTemplateStatistic statistics;

	private final UpdateTemplate updateTemplate;

	private final ObjectMapper json;

	private final Clock clock;

	private final BusinessTime time;

	TemplateScreens(ListTemplates listTemplates, CreateTemplate createTemplate, TemplateCatalog catalog,
			ChangeTemplateStatus changeStatus, TemplateAudit audit, ReadTemplateStatistic statistics,
			UpdateTemplate updateTemplate, ObjectMapper json, Clock clock, BusinessTime time) {
		this.updateTemplate = updateTemplate;
		this.json = json;
		this.clock = clock;
		this.time = time;
		this.listTemplates = listTemplates;
		this.createTemplate = createTemplate;
		this.catalog = catalog;
		this.changeStatus = changeStatus;
		this.audit = audit;
		this.statistics = statistics;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
			Model model) {
		TemplateStatus filter = parse(status);
		Page<CouponTemplate> page = this.listTemplates.list(filter, cursor, ListTemplates.DEFAULT_LIMIT);
		model.addAttribute("page", page);
		model.addAttribute("status", filter);
		model.addAttribute("statuses", Arrays.asList(TemplateStatus.values()));
		model.addAttribute("firstPage", cursor == null || cursor.isBlank());
		return "template/list";
	}

	@GetMapping("/new")
	String newTemplate(Model model) {
		return form(model, new TemplateForm(), Map.of(), "New template");
	}

	@PostMapping
	String create(@ModelAttribute("form") TemplateForm form, Principal operator, Model model,
			RedirectAttributes flash) {
		TemplateForm.Parsed parsed = form.parse();
		List<FieldViolation> violations = new ArrayList<>(parsed.unparseable());
		CouponTemplate created = null;
		try {
			if (violations.isEmpty()) {
				created = this.createTemplate.create(parsed.request(), operator.getName());
			}
			else {
				// Never created with a field missing, but every other field's error
				// shows at once.
				parsed.request().validate(0, operator.getName(), this.clock.instant(), this.time);
			}
		}
		catch (InvalidInputException invalid) {
			violations.addAll(invalid.violations());
		}
		if (created == null) {
			return form(model, form, FormFields.byField(violations), "New template");
		}
		flash.addFlashAttribute("done", "Template " + created.id() + " is created as a DRAFT.");
		return "redirect:/screens/templates/" + created.id();
	}

	/**
	 * The form, new or for an edit; an error of no field of the form (a live template's
	 * rule, say) shows above it.
	 */
	private static String form(Model model, TemplateForm form, Map<String, String> errors, String title) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("otherErrors",
				errors.entrySet()
					.stream()
					.filter((error) -> !TemplateForm.FIELDS.contains(error.getKey()))
					.map((error) -> error.getKey() + " " + error.getValue())
					.toList());
		model.addAttribute("types", Arrays.asList(TemplateType.values()));
		model.addAttribute("title", title);
		return "template/form";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		CouponTemplate template = this.catalog.getFresh(Ids.parse("id", id));
		return editForm(model, TemplateForm.of(NewTemplate.from(template)), template, template.version(), Map.of());
	}

	/**
	 * Saves an edit: the whole form as a merge patch of the version the operator read, so
	 * that a change somebody else saved meanwhile is refused rather than overwritten.
	 */
	@PostMapping("/{id}")
	String update(@PathVariable String id, @ModelAttribute("form") TemplateForm form, @RequestParam int version,
			Principal operator, Model model, RedirectAttributes flash) {
		long templateId = Ids.parse("id", id);
		TemplateForm.Parsed parsed = form.parse();
		CouponTemplate current = this.catalog.getFresh(templateId);
		if (!parsed.unparseable().isEmpty()) {
			return editForm(model, form, current, version, FormFields.byField(parsed.unparseable()));
		}
		ObjectNode patch = this.json.valueToTree(parsed.request());
		patch.put("version", version);
		// Changed by somebody else since it was read, or ended meanwhile, is said above
		// the form; it keeps the version read, so saving again is refused until the page
		// is reloaded.
		return FormFields.submit(model, () -> this.updateTemplate.update(templateId, patch, operator.getName()),
				(updated) -> {
					flash.addFlashAttribute("done",
							"Template " + updated.id() + " is saved (version " + updated.version() + ").");
					return "redirect:/screens/templates/" + templateId;
				}, (errors) -> editForm(model, form, current, version, errors));
	}

	/** The edit form, for the version of the template the operator read. */
	private static String editForm(Model model, TemplateForm form, CouponTemplate template, int version,
			Map<String, String> errors) {
		model.addAttribute("template", template);
		model.addAttribute("version", version);
		return form(model, form, errors, "Edit " + template.name());
	}

	@GetMapping("/{id}")
	String detail(@PathVariable String id, Model model) {
		long templateId = Ids.parse("id", id);
		CouponTemplate template = this.catalog.getFresh(templateId);
		model.addAttribute("template", template);
		model.addAttribute("actions",
				Arrays.stream(LifecycleAction.values())
					.filter((action) -> action.appliesTo(template.status()))
					.toList());
		TemplateStatistic statistic = this.statistics.read(templateId);
		model.addAttribute("statistic", statistic);
		model.addAttribute("byStatus",
				List.of(Map.entry("Unused", statistic.unused()), Map.entry("Locked", statistic.locked()),
						Map.entry("Used", statistic.used()), Map.entry("Expired", statistic.expired())));
		model.addAttribute("audit", this.audit.page(templateId, Keyset.before(null), AUDIT_ENTRIES));
		return "template/detail";
	}

	@PostMapping("/{id}/{action}")
	String change(@PathVariable String id, @PathVariable String action, Principal operator, RedirectAttributes flash) {
		long templateId = Ids.parse("id", id);
		LifecycleAction wanted = LifecycleAction.named(action);
		try {
			CouponTemplate changed = wanted.apply(this.changeStatus, templateId, operator.getName());
			flash.addFlashAttribute("done", "Template " + changed.id() + " is " + changed.status() + ".");
		}
		catch (RuleViolationException refused) {
			// Another operator moved it first, say: the page shows its status now.
			flash.addFlashAttribute("refused", refused.getMessage());
		}
		return "redirect:/screens/templates/" + templateId;
	}

	/**
	 * An unknown status shows every template rather than an error page: it is a filter.
	 */
	private static TemplateStatus parse(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return TemplateStatus.valueOf(status.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

}
