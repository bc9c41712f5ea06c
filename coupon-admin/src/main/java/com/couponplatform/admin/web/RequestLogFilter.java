package com.couponplatform.admin.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.couponplatform.shared.RequestLog;

/**
 * Gives every request its ID ({@code X-Request-Id}, in its log lines and its answer) and
 * its access-log line ({@link RequestLog}). First of all filters, so the security
 * filters' refusals are logged with the rest.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(RequestLog.HEADER, RequestLog.begin(request.getHeader(RequestLog.HEADER)));
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			RequestLog.end(request.getMethod(), request.getRequestURI(), response.getStatus(),
					System.nanoTime() - start);
		}
	}

}
