package com.couponplatform.admin.template;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.couponplatform.shared.Page;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.ListTemplates;
import com.couponplatform.template.TemplateStatus;

/**
 * The templates screens, over the same use cases as the admin API: the list, filtered by
 * status and paged by the API's cursor.
 */
@Controller
@RequestMapping("/screens/templates")
class TemplateScreens {

	private final ListTemplates listTemplates;

	TemplateScreens(ListTemplates listTemplates) {
		this.listTemplates = listTemplates;
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

	/**
	 * An unknown status shows every template rather than an error page: it is a filter.
	 */
	private static TemplateStatus parse(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		List<TemplateStatus> matching = Arrays.stream(TemplateStatus.values())
			.filter((candidate) -> candidate.name().equals(status.toUpperCase(Locale.ROOT)))
			.toList();
		return matching.isEmpty() ? null : matching.get(0);
	}

}
