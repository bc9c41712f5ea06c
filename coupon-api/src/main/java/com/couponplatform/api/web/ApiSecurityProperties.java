package com.couponplatform.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified: an HS256 secret of at least 32 bytes
 * ({@code COUPON_JWT_SECRET}) or the identity provider's JWK set URI
 * ({@code COUPON_JWT_JWK_SET_URI}).
 */
@ConfigurationProperties("coupon.jwt")
public class ApiSecurityProperties {

	private String secret;

	private String jwkSetUri;

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public String getJwkSetUri() {
		return this.jwkSetUri;
	}

	public void setJwkSetUri(String jwkSetUri) {
		this.jwkSetUri = jwkSetUri;
	}

}
