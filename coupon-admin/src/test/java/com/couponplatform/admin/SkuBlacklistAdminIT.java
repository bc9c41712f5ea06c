package com.couponplatform.admin;

import org.junit.jupiter.api.Test;

import com.couponplatform.testsupport.TestHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators keep the global SKU super-blacklist; viewers only read it.
 */
class SkuBlacklistAdminIT extends AdminIntegrationTest {

	@Test
	void addsListsAndRemovesSkus() {
		Answer added = call("PUT", "/admin/api/v1/sku-blacklist/sku-lottery", OPERATOR,
				"{\"reason\":\"regulated: never discounted\"}");
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.body().path("skus").toString()).contains("\"sku-lottery\"");
		assertThat(call("GET", "/admin/api/v1/sku-blacklist", VIEWER, null).body().path("skus").toString())
			.contains("\"sku-lottery\"");

		assertThat(call("DELETE", "/admin/api/v1/sku-blacklist/sku-lottery", OPERATOR, null).status()).isEqualTo(204);
		assertThat(call("GET", "/admin/api/v1/sku-blacklist", VIEWER, null).body().path("skus").toString())
			.doesNotContain("\"sku-lottery\"");
		Answer again = call("DELETE", "/admin/api/v1/sku-blacklist/sku-lottery", OPERATOR, null);
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.body().path("code").asText()).isEqualTo("NOT_FOUND");
	}

	@Test
	void refusesViewersAndInvalidEntries() {
		assertThat(call("PUT", "/admin/api/v1/sku-blacklist/sku-x", VIEWER, "{\"reason\":\"r\"}").status())
			.isEqualTo(403);
		assertThat(call("PUT", "/admin/api/v1/sku-blacklist/sku-x", null, "{\"reason\":\"r\"}").status())
			.isEqualTo(401);
		Answer noReason = call("PUT", "/admin/api/v1/sku-blacklist/sku-x", OPERATOR, "{\"reason\":\"\"}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body().path("errors").findValuesAsText("field")).containsExactly("reason");
		assertThat(call("GET", "/admin/api/v1/sku-blacklist", VIEWER, null).body().path("skus").toString())
			.doesNotContain("\"sku-x\"");
	}

}
