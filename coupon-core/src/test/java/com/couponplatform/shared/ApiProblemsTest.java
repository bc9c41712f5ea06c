package com.couponplatform.shared;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemsTest {

	@Test
	void anOperationGetsOneProblemAnswerPerStatusNamingItsCodesAndKeepsItsOwn() throws Exception {
		Operation operation = new Operation()
			.responses(new ApiResponses().addApiResponse("201", new ApiResponse().description("issued")));
		ApiProblems.describe(operation, SampleController.class, SampleController.class.getDeclaredMethod("claim"));
		assertThat(operation.getOperationId()).isEqualTo("sampleClaim");
		assertThat(operation.getResponses()).containsOnlyKeys("201", "400", "401", "403", "409", "429", "500", "503");
		assertThat(operation.getResponses().get("201").getDescription()).isEqualTo("issued");
		assertThat(operation.getResponses().get("409").getDescription()).isEqualTo("SOLD_OUT, PER_USER_LIMIT");
		assertThat(operation.getResponses().get("403").getDescription()).isEqualTo("FORBIDDEN");
		assertThat(
				operation.getResponses().get("409").getContent().get("application/problem+json").getSchema().get$ref())
			.isEqualTo("#/components/schemas/Problem");
	}

	@Test
	void aHandlerWithoutRefusalsGetsTheCommonAnswersOnly() throws Exception {
		Operation operation = ApiProblems.describe(new Operation(), SampleController.class,
				SampleController.class.getDeclaredMethod("list"));
		assertThat(operation.getResponses()).containsOnlyKeys("400", "401", "403", "500", "503");
		assertThat(operation.getOperationId()).isEqualTo("sampleList");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theProblemSchemaListsEveryCode() {
		OpenAPI api = new OpenAPI();
		ApiProblems.addSchema(api);
		Schema<Object> code = (Schema<Object>) api.getComponents()
			.getSchemas()
			.get("Problem")
			.getProperties()
			.get("code");
		assertThat(code.getEnum()).hasSize(ProblemCode.values().length).contains("SOLD_OUT", "SERVICE_UNAVAILABLE");
	}

	static class SampleController {

		@Refuses({ ProblemCode.SOLD_OUT, ProblemCode.PER_USER_LIMIT, ProblemCode.RATE_LIMITED })
		void claim() {
		}

		void list() {
		}

	}

}
