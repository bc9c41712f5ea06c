package com.couponplatform.api;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.SuperBlacklist;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout asks whether a template's coupon applies to a cart: product scope, the global
 * super-blacklist over every scope, and the discount on what is in scope.
 */
class ApplicabilityIT extends ApiIntegrationTest {

	@Autowired
	SuperBlacklist superBlacklist;

	@Test
	void judgesEachLineAndDiscountsOnlyWhatIsInScope() {
		CouponTemplate template = scopedTemplate();
		this.superBlacklist.add("sku-gift-card", "gift cards are never discounted", "it");
		String cart = """
				{"items":[{"skuId":"sku-a","categoryId":"food","unitPrice":4000,"quantity":2},
				          {"skuId":"sku-gift-card","categoryId":"food","unitPrice":10000,"quantity":1},
				          {"skuId":"sku-z","categoryId":"food","unitPrice":5000,"quantity":1}]}
				""";
		Answer short_ = post("/api/v1/templates/" + template.id() + "/applicability", TestTokens.service(), cart);
		assertThat(short_.status()).as(short_.body().toString()).isEqualTo(200);
		assertThat(short_.body().path("lines").findValuesAsText("reason")).containsExactly("null", "SUPER_BLACKLISTED",
				"OUT_OF_SCOPE");
		assertThat(short_.body().path("lines").get(0).path("reason").isNull()).isTrue();
		assertThat(short_.body().path("lines").findValuesAsText("applies")).containsExactly("true", "false", "false");
		assertThat(short_.body().path("eligibleAmount").asLong()).isEqualTo(8000);
		assertThat(short_.body().path("discount").asLong()).isZero();
		assertThat(short_.body().path("missingAmount").asLong()).isEqualTo(2000);

		Answer met = post("/api/v1/templates/" + template.id() + "/applicability", TestTokens.user(1),
				cart.replace("\"quantity\":2", "\"quantity\":3"));
		assertThat(met.body().path("eligibleAmount").asLong()).isEqualTo(12000);
		assertThat(met.body().path("discount").asLong()).isEqualTo(1000);
		assertThat(met.body().path("missingAmount").isNull()).isTrue();
	}

	@Test
	void refusesMalformedCartsUnknownTemplatesAndMissingTokens() {
		CouponTemplate template = scopedTemplate();
		String path = "/api/v1/templates/" + template.id() + "/applicability";
		Answer empty = post(path, TestTokens.user(1), "{\"items\":[]}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body().path("errors").findValuesAsText("field")).containsExactly("items");
		Answer badLine = post(path, TestTokens.user(1),
				"{\"items\":[{\"skuId\":\"a\",\"categoryId\":\"\",\"unitPrice\":-1,\"quantity\":0}]}");
		assertThat(badLine.body().path("errors").findValuesAsText("field"))
			.containsExactlyInAnyOrder("items[0].categoryId", "items[0].unitPrice", "items[0].quantity");
		assertThat(post("/api/v1/templates/999/applicability", TestTokens.user(1),
				"{\"items\":[{\"skuId\":\"a\",\"categoryId\":\"c\",\"unitPrice\":1,\"quantity\":1}]}")
			.code()).isEqualTo("TEMPLATE_NOT_FOUND");
		assertThat(post(path, null, "{\"items\":[]}").status()).isEqualTo(401);
	}

	private CouponTemplate scopedTemplate() {
		Instant now = Instant.now();
		return this.createTemplate.create(new NewTemplate("Food, spend 100 save 10", TemplateType.THRESHOLD, 1000L,
				10000L, null, null, 10L, 1, now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
				new NewTemplate.ValidityInput("RELATIVE", null, null, 7),
				new NewTemplate.ScopeInput(List.of("sku-a", "sku-gift-card"), null, null, List.of("tobacco")), null,
				null, true), "it");
	}

}
