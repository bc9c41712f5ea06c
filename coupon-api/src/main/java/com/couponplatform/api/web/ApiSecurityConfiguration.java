package com.couponplatform.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import com.couponplatform.secret.Secrets;
import com.couponplatform.shared.Problem;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RequestLog;
import com.couponplatform.shared.UserId;

/**
 * coupon-api is an OAuth2 resource server: every request but the health probes carries a
 * bearer JWT whose subject is a user ID and whose scope is {@code coupon.user} or
 * {@code coupon.service}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSecurityProperties.class)
class ApiSecurityConfiguration {

	static final String USER_SCOPE = "SCOPE_coupon.user";

	static final String SERVICE_SCOPE = "SCOPE_coupon.service";

	private static final int MIN_SECRET_BYTES = 32;

	private static final JwtGrantedAuthoritiesConverter SCOPES = new JwtGrantedAuthoritiesConverter();

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
				.permitAll()
				// The API's description holds no data; SPRINGDOC_API_DOCS_ENABLED and
				// SPRINGDOC_SWAGGER_UI_ENABLED (false) take it away.
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				// An order's coupon changes (lock, consume, release, refund) are the
				// checkout
				// service's alone: a user must not mark their own coupon used or
				// refunded.
				.requestMatchers("/api/v1/orders/**")
				.hasAuthority(SERVICE_SCOPE)
				.requestMatchers("/api/**")
				.hasAnyAuthority(USER_SCOPE, SERVICE_SCOPE)
				.requestMatchers("/actuator/**")
				.hasAuthority(SERVICE_SCOPE)
				.anyRequest()
				.denyAll())
			.addFilterBefore(ApiSecurityConfiguration::logPrincipal, AuthorizationFilter.class)
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
			})
				.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response, json,
						Problem.of(ProblemCode.UNAUTHENTICATED, "A valid bearer token is required")))
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, json,
						Problem.of(ProblemCode.FORBIDDEN, "The token's scope does not allow this"))))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response, json,
						Problem.of(ProblemCode.UNAUTHENTICATED, "A valid bearer token is required")))
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, json,
						Problem.of(ProblemCode.FORBIDDEN, "The token's scope does not allow this"))));
		return http.build();
	}

	/**
	 * The token's subject (a user ID, or a service's client ID) in the request's logs.
	 */
	private static void logPrincipal(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller instanceof JwtAuthenticationToken) {
			RequestLog.principal(caller.getName());
		}
		chain.doFilter(request, response);
	}

	@Bean
	JwtDecoder jwtDecoder(ApiSecurityProperties properties) {
		NimbusJwtDecoder decoder;
		if (properties.getJwkSetUri() != null && !properties.getJwkSetUri().isBlank()) {
			decoder = NimbusJwtDecoder.withJwkSetUri(properties.getJwkSetUri()).build();
		}
		else {
			String secret = Secrets.require("COUPON_JWT_SECRET", properties.getSecret(), MIN_SECRET_BYTES);
			decoder = NimbusJwtDecoder
				.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
				.macAlgorithm(MacAlgorithm.HS256)
				.build();
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
				new JwtClaimValidator<>(JwtClaimNames.EXP, (exp) -> exp != null), subjectIsAUserId()));
		return decoder;
	}

	/**
	 * A user's token whose subject is not a canonical positive user ID is refused with
	 * 401. A service's token ({@code coupon.service}) names the user in each call; its
	 * subject is the client it was issued to ({@code checkout-service}), whatever an
	 * authorization server puts there for client credentials.
	 */
	private static OAuth2TokenValidator<Jwt> subjectIsAUserId() {
		return (jwt) -> (isServiceToken(jwt) ? hasText(jwt.getSubject()) : UserId.parseOrNegative(jwt.getSubject()) > 0)
				? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult
					.failure(new OAuth2Error("invalid_token", "The token's subject is not a user ID", null));
	}

	/**
	 * Read by the converter the resource server turns scopes into authorities with, so
	 * this check and the authorization rules see the same scopes.
	 */
	private static boolean isServiceToken(Jwt jwt) {
		return SCOPES.convert(jwt).stream().anyMatch((granted) -> SERVICE_SCOPE.equals(granted.getAuthority()));
	}

	private static boolean hasText(String subject) {
		return subject != null && !subject.isBlank();
	}

}
