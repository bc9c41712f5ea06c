package com.couponplatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.testsupport.CommittedApiSpec;
import com.couponplatform.testsupport.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api/coupon-api.json is exactly what coupon-api serves, with its security scheme
 * and the problem answers of its operations.
 */
class ApiSpecIT extends ApiIntegrationTest {

	@Test
	void theCommittedSpecIsTheServedOne() throws Exception {
		JsonNode spec = CommittedApiSpec.assertServedEqualsCommitted(this.port, "coupon-api");
		assertThat(spec.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
		JsonNode claim = spec.at("/paths/~1api~1v1~1claims/post");
		assertThat(claim.at("/requestBody/content/application~1json/schema/$ref").asText())
			.isEqualTo("#/components/schemas/ClaimRequest");
		assertThat(claim.at("/responses/409/description").asText())
			.isEqualTo("SOLD_OUT, PER_USER_LIMIT, CLAIM_WINDOW_CLOSED, TEMPLATE_NOT_ACTIVE");
		assertThat(claim.at("/responses/429/content/application~1problem+json/schema/$ref").asText())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(spec.at("/components/schemas/Problem/properties/code/enum")).hasSize(ProblemCode.values().length);
		assertThat(new TestHttp(this.port).text("/swagger-ui/index.html", null).getKey()).as("Swagger UI")
			.isEqualTo(200);
	}

}
