package com.couponplatform.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the HS256 user tokens the load sends, one per simulated user, before the clock
 * starts.
 */
public final class BenchTokens {

	private final byte[] secret;

	public BenchTokens(String secret) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	public String user(long userId) {
		long now = Instant.now().getEpochSecond();
		String claims = "{\"sub\":\"" + userId + "\",\"scope\":\"coupon.user\",\"iat\":" + now + ",\"exp\":"
				+ (now + 86_400) + "}";
		String unsigned = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encode(claims.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return unsigned + "." + encode(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
