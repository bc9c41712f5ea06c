package com.couponplatform.admin.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.couponplatform.migration.BackOfficeFreeze;

/**
 * What every screen's layout shows: whether a migration freezes the back office, so that
 * a page that changes something says so and disables its buttons (the change would be
 * refused anyway, by {@link FreezeGuard}).
 */
@ControllerAdvice(annotations = Screen.class)
class ScreenModel {

	private final BackOfficeFreeze freeze;

	ScreenModel(BackOfficeFreeze freeze) {
		this.freeze = freeze;
	}

	@ModelAttribute("frozen")
	boolean frozen() {
		return this.freeze.frozen();
	}

}
