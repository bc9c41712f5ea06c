package com.couponplatform.bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One prepared call: a user's claim, wallet read (or no-op) with its token, built before
 * the clock starts so the generator only sends.
 */
public record LoadRequest(HttpRequest http) {

	public static LoadRequest post(String url, String token, String body) {
		return new LoadRequest(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public static LoadRequest get(String url, String token) {
		return new LoadRequest(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build());
	}

}
