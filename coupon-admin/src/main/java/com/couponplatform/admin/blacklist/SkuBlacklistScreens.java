package com.couponplatform.admin.blacklist;

import java.security.Principal;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.couponplatform.admin.web.FormFields;
import com.couponplatform.admin.web.Screen;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.RuleViolationException;
import com.couponplatform.template.SuperBlacklist;

/**
 * The SKU super-blacklist screen: the SKUs no coupon may discount, with why and by whom;
 * a form to add one (or give a listed one a new reason), and a button to take one off,
 * behind a confirmation.
 */
@Screen
@RequestMapping("/screens/sku-blacklist")
class SkuBlacklistScreens {

	private final SuperBlacklist superBlacklist;

	SkuBlacklistScreens(SuperBlacklist superBlacklist) {
		this.superBlacklist = superBlacklist;
	}

	@GetMapping
	String list(Model model) {
		return page(model, "", "", Map.of());
	}

	@PostMapping
	String add(@RequestParam(defaultValue = "") String skuId, @RequestParam(defaultValue = "") String reason,
			Principal operator, Model model, RedirectAttributes flash) {
		try {
			this.superBlacklist.add(skuId.strip(), reason.strip(), operator.getName());
		}
		catch (InvalidInputException invalid) {
			return page(model, skuId, reason, FormFields.byField(invalid.violations()));
		}
		flash.addFlashAttribute("done", "SKU " + skuId.strip() + " is blacklisted.");
		return "redirect:/screens/sku-blacklist";
	}

	/** The SKU comes as a form field, not in the path: a SKU may hold any character. */
	@PostMapping("/remove")
	String remove(@RequestParam String skuId, RedirectAttributes flash) {
		try {
			this.superBlacklist.remove(skuId);
			flash.addFlashAttribute("done", "SKU " + skuId + " is no longer blacklisted.");
		}
		catch (RuleViolationException refused) {
			// Another operator took it off first.
			flash.addFlashAttribute("refused", refused.getMessage());
		}
		return "redirect:/screens/sku-blacklist";
	}

	private String page(Model model, String skuId, String reason, Map<String, String> errors) {
		model.addAttribute("entries", this.superBlacklist.entries());
		model.addAttribute("skuId", skuId);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "blacklist/list";
	}

}
