import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Local-use helpers for deploy/run.sh, with nothing but the JDK:
 * <ul>
 * <li>{@code secret} prints a random 48-byte secret (base64url);</li>
 * <li>{@code token SECRET USER_ID SCOPE DAYS} prints an HS256 JWT for that user and scope.</li>
 * </ul>
 * Production tokens come from the mall's identity provider, never from this.
 */
public class LocalToken {

	public static void main(String[] args) throws Exception {
		if (args.length == 1 && args[0].equals("secret")) {
			byte[] random = new byte[48];
			new SecureRandom().nextBytes(random);
			System.out.println(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
			return;
		}
		if (args.length == 5 && args[0].equals("token")) {
			long now = Instant.now().getEpochSecond();
			String claims = "{\"sub\":\"" + args[2] + "\",\"scope\":\"" + args[3] + "\",\"iat\":" + now + ",\"exp\":"
					+ (now + Long.parseLong(args[4]) * 86400) + "}";
			String unsigned = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(args[1].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			System.out.println(unsigned + "." + Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII))));
			return;
		}
		System.err.println("usage: LocalToken secret | token SECRET USER_ID SCOPE DAYS");
		System.exit(2);
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
