package com.couponplatform.api.checkout;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.api.web.ActingUser;
import com.couponplatform.checkout.Quote;
import com.couponplatform.checkout.QuoteCart;
import com.couponplatform.template.CartLine;

/**
 * Quotes a cart against the user's coupons.
 */
@RestController
class QuoteController {

	private final QuoteCart quoteCart;

	private final ActingUser actingUser;

	QuoteController(QuoteCart quoteCart, ActingUser actingUser) {
		this.quoteCart = quoteCart;
		this.actingUser = actingUser;
	}

	@PostMapping("/api/v1/checkout/quote")
	QuoteResponse quote(@RequestBody QuoteRequest request, JwtAuthenticationToken token) {
		long userId = this.actingUser.resolve(token, request.userId());
		return QuoteResponse.of(this.quoteCart.quote(userId, request.items()));
	}

	/**
	 * @param userId the user, required when the checkout service calls
	 * @param items the cart lines
	 */
	record QuoteRequest(String userId, List<CartLine> items) {
	}

	/**
	 * The quote as the contract shows it (IDs as strings).
	 *
	 * @param usable the coupons that apply, largest discount first
	 * @param unusable the others, with reasons
	 * @param best the coupon to use and its split, or {@code null}
	 */
	record QuoteResponse(List<Usable> usable, List<Unusable> unusable, Best best) {

		static QuoteResponse of(Quote quote) {
			Quote.Best best = quote.best();
			return new QuoteResponse(
					quote.usable()
						.stream()
						.map((usable) -> new Usable(Long.toString(usable.couponId()), usable.discount()))
						.toList(),
					quote.unusable()
						.stream()
						.map((unusable) -> new Unusable(Long.toString(unusable.couponId()), unusable.reason().name(),
								unusable.missingAmount()))
						.toList(),
					(best != null) ? new Best(Long.toString(best.couponId()), best.discount(), best.lines()) : null);
		}

	}

	record Usable(String couponId, long discount) {
	}

	record Unusable(String couponId, String reason, @JsonInclude(JsonInclude.Include.NON_NULL) Long missingAmount) {
	}

	record Best(String couponId, long discount, List<Quote.LineDiscount> lines) {
	}

}
