package com.couponplatform.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.couponplatform.testsupport.CommittedApiSpec;
import com.couponplatform.testsupport.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api/coupon-admin.json is exactly what coupon-admin serves, with its security
 * scheme and the problem answers of its operations.
 */
class AdminSpecIT extends AdminIntegrationTest {

	@Test
	void theCommittedSpecIsTheServedOne() throws Exception {
		JsonNode spec = CommittedApiSpec.assertServedEqualsCommitted(this.port, "coupon-admin");
		assertThat(spec.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
		JsonNode publish = spec.at("/paths/~1admin~1api~1v1~1templates~1{id}~1publish/post");
		assertThat(publish.at("/responses/404/description").asText()).isEqualTo("TEMPLATE_NOT_FOUND");
		assertThat(publish.at("/responses/409/description").asText()).isEqualTo("ILLEGAL_TRANSITION, MIGRATION_FREEZE");
		assertThat(spec.at("/paths/~1admin~1api~1v1~1templates/post/responses/201/description").asText())
			.isEqualTo("the template, DRAFT");
		assertThat(new TestHttp(this.port).text("/swagger-ui/index.html", null).getKey()).as("Swagger UI")
			.isEqualTo(200);
	}

}
