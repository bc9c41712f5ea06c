package com.couponplatform.api.template;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.shared.Ids;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;
import com.couponplatform.template.Applicability;
import com.couponplatform.template.CartLine;
import com.couponplatform.template.CheckApplicability;
import com.couponplatform.template.Discount;

/**
 * Does a template's coupon apply to these cart lines, and for how much?
 */
@RestController
@RequestMapping("/api/v1/templates/{id}/applicability")
class ApplicabilityController {

	private final CheckApplicability checkApplicability;

	ApplicabilityController(CheckApplicability checkApplicability) {
		this.checkApplicability = checkApplicability;
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND })
	@PostMapping
	ApplicabilityResponse check(@PathVariable String id, @RequestBody Cart cart) {
		Applicability applicability = this.checkApplicability.check(Ids.parse("id", id), cart.items());
		long discount = (applicability.discount() instanceof Discount.Applied applied) ? applied.amount() : 0;
		Long missing = (applicability.discount() instanceof Discount.ThresholdNotMet notMet) ? notMet.missingAmount()
				: null;
		return new ApplicabilityResponse(applicability.lines(), applicability.eligibleAmount(), discount, missing);
	}

	/**
	 * A cart as sent.
	 *
	 * @param items the cart lines
	 */
	record Cart(List<CartLine> items) {
	}

	/**
	 * The answer.
	 *
	 * @param lines one verdict per line, in cart order
	 * @param eligibleAmount the total of the lines in scope
	 * @param discount the discount on it (0 when the threshold is not met)
	 * @param missingAmount how much more must be spent to reach the threshold, or
	 * {@code null}
	 */
	record ApplicabilityResponse(List<Applicability.LineVerdict> lines, long eligibleAmount, long discount,
			Long missingAmount) {
	}

}
