package com.couponplatform.api.web;

import java.util.List;

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

import com.couponplatform.shared.ApiProblems;

/**
 * coupon-api's OpenAPI document ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}; committed as docs/api/coupon-api.json): the bearer scheme
 * with its two scopes, and every operation's problem answers (ApiProblems, from each
 * handler's @Refuses).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI couponApiDocument() {
		return new OpenAPI()
			.info(new Info().title("coupon-api")
				.version("v1")
				.description("Claims, the wallet, checkout and code redemption for the mall's users and its "
						+ "checkout service. Every call carries a JWT: scope coupon.user acts on the token "
						+ "subject's own coupons; scope coupon.service (the checkout service, any subject) "
						+ "names the user in each call (userId). Refusals are application/problem+json "
						+ "with a stable code."))
			// Relative, so the document is the same wherever the service runs.
			.servers(List.of(new Server().url("/")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("scope coupon.user (subject: the user ID) or coupon.service")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer problemSchema() {
		return ApiProblems::addSchema;
	}

	@Bean
	OperationCustomizer problemResponses() {
		return (operation, handler) -> ApiProblems.describe(operation, handler.getBeanType(), handler.getMethod());
	}

}
