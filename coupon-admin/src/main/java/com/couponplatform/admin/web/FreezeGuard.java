package com.couponplatform.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.couponplatform.migration.BackOfficeFreeze;

/**
 * Refuses every back-office change, from the API or a screen, with 409
 * {@code MIGRATION_FREEZE} while a migration freezes the back office (decision 5). One
 * guard in front of every handler rather than a check in each: a change added later is
 * frozen too. The migration's own calls are what move the freeze, so they pass; reads
 * always pass.
 */
@Configuration(proxyBeanMethods = false)
class FreezeGuard implements WebMvcConfigurer {

	private final BackOfficeFreeze freeze;

	FreezeGuard(BackOfficeFreeze freeze) {
		this.freeze = freeze;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (changes(request)) {
					FreezeGuard.this.freeze.check();
				}
				return true;
			}

		}).addPathPatterns("/admin/api/**", "/screens/**").excludePathPatterns("/admin/api/v1/migration/**");
	}

	private static boolean changes(HttpServletRequest request) {
		HttpMethod method = HttpMethod.valueOf(request.getMethod());
		return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
	}

}
