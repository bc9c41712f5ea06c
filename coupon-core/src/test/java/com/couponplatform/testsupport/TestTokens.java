package com.couponplatform.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs HS256 JWTs for tests, as an identity provider would: real signatures, verified by
 * the application's real decoder.
 */
public final class TestTokens {

	/**
	 * The secret test contexts are configured with: 48 bytes, above the 32-byte minimum.
	 */
	public static final String SECRET = "integration-test-secret-0123456789-abcdefghijklmn";

	private TestTokens() {
	}

	public static String user(long userId) {
		return sign(SECRET, Long.toString(userId), "coupon.user", Instant.now().plusSeconds(3600));
	}

	/**
	 * The checkout service's token: its subject is a client ID, as authorization servers
	 * issue client-credentials tokens.
	 */
	public static String service() {
		return sign(SECRET, "checkout-service", "coupon.service", Instant.now().plusSeconds(3600));
	}

	/**
	 * A token with any subject, scope and expiry, signed with any secret.
	 * @param secret the HMAC secret
	 * @param subject the {@code sub} claim
	 * @param scope the {@code scope} claim, or {@code null} for none
	 * @param expiresAt the {@code exp} claim, or {@code null} for none
	 * @return the compact JWT
	 */
	public static String sign(String secret, String subject, String scope, Instant expiresAt) {
		StringBuilder claims = new StringBuilder("{\"sub\":\"").append(subject).append('"');
		if (scope != null) {
			claims.append(",\"scope\":\"").append(scope).append('"');
		}
		if (expiresAt != null) {
			claims.append(",\"exp\":").append(expiresAt.getEpochSecond());
		}
		claims.append(",\"iat\":").append(Instant.now().getEpochSecond() - 5).append('}');
		String unsigned = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(claims.toString());
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII));
			return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
