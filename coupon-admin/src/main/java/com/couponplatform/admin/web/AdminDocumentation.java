package com.couponplatform.admin.web;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.GetMapping;

import com.couponplatform.shared.ApiProblems;
import com.couponplatform.shared.ProblemCode;

/**
 * coupon-admin's OpenAPI document ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}; committed as docs/api/coupon-admin.json): HTTP Basic with the
 * back-office roles, and every operation's problem answers (ApiProblems, from each
 * handler's @Refuses).
 */
@Configuration(proxyBeanMethods = false)
class AdminDocumentation {

	static final String BASIC = "basic";

	@Bean
	OpenAPI couponAdminDocument() {
		return new OpenAPI()
			.info(new Info().title("coupon-admin")
				.version("v1")
				.description("The back office: templates, issuance jobs, code batches, user tags and the SKU "
						+ "blacklist. HTTP Basic; role VIEWER reads, OPERATOR changes, ADMIN does everything. "
						+ "Refusals are application/problem+json with a stable code."))
			// Relative, so the document is the same wherever the service runs.
			.servers(List.of(new Server().url("/")))
			.components(new Components().addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("a back-office user (roles VIEWER, OPERATOR, ADMIN)")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	@Bean
	OpenApiCustomizer problemSchema() {
		return ApiProblems::addSchema;
	}

	@Bean
	OperationCustomizer problemResponses() {
		// FreezeGuard refuses every change while a migration freezes the back office.
		return (operation, handler) -> ApiProblems.describe(operation, handler.getBeanType(), handler.getMethod(),
				AnnotatedElementUtils.hasAnnotation(handler.getMethod(), GetMapping.class) ? Set.of()
						: Set.of(ProblemCode.MIGRATION_FREEZE));
	}

}
