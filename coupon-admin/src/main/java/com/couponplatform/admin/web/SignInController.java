package com.couponplatform.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The screens' sign-in page (Spring Security's form login takes the POST) and their root.
 */
@Controller
class SignInController {

	@GetMapping("/login")
	String signIn() {
		return "login";
	}

	@GetMapping("/")
	String home() {
		return "redirect:/screens/templates";
	}

}
