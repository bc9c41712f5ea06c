package com.couponplatform.admin.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import com.couponplatform.secret.Secrets;
import com.couponplatform.shared.Problem;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RequestLog;

/**
 * Every back-office call needs a login and a role: VIEWER reads, OPERATOR changes
 * templates, jobs and batches, ADMIN does everything including the migration console. Two
 * chains: the screens ({@code /}, {@code /screens/**}) sign in with a form into a session
 * and check a CSRF token on every change; the API and the actuator take HTTP Basic on
 * each stateless request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminUsersProperties.class)
class AdminSecurityConfiguration {

	static final String VIEWER = "VIEWER";

	static final String OPERATOR = "OPERATOR";

	static final String ADMIN = "ADMIN";

	private static final Set<String> ROLES = Set.of(VIEWER, OPERATOR, ADMIN);

	private static final int MIN_PASSWORD_BYTES = 12;

	@Bean
	@Order(1)
	SecurityFilterChain screenSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/", "/screens/**", "/login", "/logout", "/webjars/**", "/css/**", "/js/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**")
				.permitAll()
				// Forms that change something are for those who may.
				.requestMatchers(HttpMethod.GET, "/screens/*/new", "/screens/*/*/edit")
				.hasAnyRole(OPERATOR, ADMIN)
				.requestMatchers(HttpMethod.GET, "/", "/screens/**")
				.hasAnyRole(VIEWER, OPERATOR, ADMIN)
				.requestMatchers("/screens/**")
				.hasAnyRole(OPERATOR, ADMIN)
				.anyRequest()
				.denyAll())
			.addFilterBefore(AdminSecurityConfiguration::logPrincipal, AuthorizationFilter.class)
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/screens/templates", true))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain adminSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/admin/api/**"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
				.permitAll()
				// The API's description holds no data; SPRINGDOC_API_DOCS_ENABLED and
				// SPRINGDOC_SWAGGER_UI_ENABLED (false) take it away.
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				// The console reads for every role; only ADMIN moves the migration.
				.requestMatchers(HttpMethod.GET, "/admin/api/v1/migration/**")
				.hasAnyRole(VIEWER, OPERATOR, ADMIN)
				.requestMatchers("/admin/api/v1/migration/**")
				.hasRole(ADMIN)
				.requestMatchers(HttpMethod.GET, "/admin/api/**")
				.hasAnyRole(VIEWER, OPERATOR, ADMIN)
				.requestMatchers("/admin/api/**")
				.hasAnyRole(OPERATOR, ADMIN)
				.requestMatchers("/actuator/**")
				.hasRole(ADMIN)
				.anyRequest()
				.denyAll())
			.addFilterBefore(AdminSecurityConfiguration::logPrincipal, AuthorizationFilter.class)
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"coupon-admin\"");
				ProblemResponses.write(response, json,
						Problem.of(ProblemCode.UNAUTHENTICATED, "Valid back-office credentials are required"));
			}))
			.exceptionHandling(
					(exceptions) -> exceptions.accessDeniedHandler((request, response, ex) -> ProblemResponses
						.write(response, json, Problem.of(ProblemCode.FORBIDDEN, "Your role does not allow this"))));
		return http.build();
	}

	/** The operator in the request's logs. */
	private static void logPrincipal(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller instanceof UsernamePasswordAuthenticationToken) {
			RequestLog.principal(caller.getName());
		}
		chain.doFilter(request, response);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService adminUsers(AdminUsersProperties properties, PasswordEncoder encoder) {
		String password = Secrets.require("COUPON_ADMIN_PASSWORD", properties.getPassword(), MIN_PASSWORD_BYTES);
		List<UserDetails> users = new ArrayList<>();
		users.add(User.withUsername("admin").password(encoder.encode(password)).roles(VIEWER, OPERATOR, ADMIN).build());
		for (AdminUsersProperties.User user : properties.getUsers()) {
			if (!ROLES.containsAll(user.getRoles()) || user.getRoles().isEmpty()) {
				throw new IllegalStateException("Back-office user " + user.getName() + " has roles " + user.getRoles()
						+ "; each must be one of " + ROLES);
			}
			users.add(User.withUsername(user.getName())
				.password(user.getPassword())
				.roles(user.getRoles().toArray(String[]::new))
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

}
