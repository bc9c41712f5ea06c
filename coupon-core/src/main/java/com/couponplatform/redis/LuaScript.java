package com.couponplatform.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), so a hot path sends a digest instead
 * of the script's text. Redis forgets its script cache on restart or failover; the first
 * call after that answers {@code NOSCRIPT} and is repeated with {@code EVAL}, which
 * caches the script again.
 */
public final class LuaScript {

	private final String text;

	private final String sha;

	private final RScript.ReturnType returnType;

	public LuaScript(String text, RScript.ReturnType returnType) {
		this.text = text;
		this.sha = sha1(text);
		this.returnType = returnType;
	}

	/**
	 * Runs the script.
	 * @param <R> the result type, as the return type gives it
	 * @param redis the client
	 * @param keys the keys it touches (one hash slot, for Redis Cluster)
	 * @param args its arguments
	 * @return what the script returned
	 */
	public <R> R run(RedissonClient redis, List<Object> keys, Object... args) {
		RScript script = redis.getScript(StringCodec.INSTANCE);
		try {
			return script.evalSha(RScript.Mode.READ_WRITE, this.sha, this.returnType, keys, args);
		}
		catch (RedisException ex) {
			if (ex.getMessage() == null || !ex.getMessage().contains("NOSCRIPT")) {
				throw ex;
			}
			return script.eval(RScript.Mode.READ_WRITE, this.text, this.returnType, keys, args);
		}
	}

	public String sha() {
		return this.sha;
	}

	private static String sha1(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-1", ex);
		}
	}

}
