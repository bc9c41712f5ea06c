package com.couponplatform.admin.web;

import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * A screen's refusal as a page, not as the API's problem+json: the same status and stable
 * code, said in words, with the way back. Ahead of {@code ProblemHandler}, and for the
 * screens only; failures of storage and Spring MVC's own stay with it.
 */
@ControllerAdvice(annotations = Screen.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScreenErrors {

	@ExceptionHandler
	ModelAndView refused(RuleViolationException ex) {
		return page(ex.code(), ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidInputException ex) {
		String detail = ex.violations()
			.stream()
			.map((violation) -> violation.field() + " " + violation.message())
			.collect(Collectors.joining("; "));
		return page(ProblemCode.VALIDATION_FAILED, detail);
	}

	private static ModelAndView page(ProblemCode code, String detail) {
		HttpStatus status = HttpStatus.valueOf(code.status());
		ModelAndView page = new ModelAndView("error/refused", status);
		page.addObject("status", status.value());
		page.addObject("reason", status.getReasonPhrase());
		page.addObject("code", code.name());
		page.addObject("detail", detail);
		return page;
	}

}
