package com.couponplatform.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified: an HS256 secret ({@code COUPON_JWT_SECRET}) or a JWK
 * set URI.
 */
@ConfigurationProperties("coupon.security")
public class ApiSecurityProperties {

	private String jwtSecret;

	private String jwkSetUri;

	public String getJwtSecret() {
		return this.jwtSecret;
	}

	public void setJwtSecret(String jwtSecret) {
		this.jwtSecret = jwtSecret;
	}

	public String getJwkSetUri() {
		return this.jwkSetUri;
	}

	public void setJwkSetUri(String jwkSetUri) {
		this.jwkSetUri = jwkSetUri;
	}

}
