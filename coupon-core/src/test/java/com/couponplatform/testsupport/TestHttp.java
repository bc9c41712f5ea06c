package com.couponplatform.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real HTTP client for the services' integration tests: sends JSON to a port on
 * loopback and parses the answer, whatever its status.
 */
public final class TestHttp {

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper json = new ObjectMapper();

	private final int port;

	public TestHttp(int port) {
		this.port = port;
	}

	/**
	 * Sends a request and waits (at most 30 s) for the answer.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @param body a JSON body, or {@code null} for none
	 * @return the answer
	 */
	public Answer call(String method, String path, String authorization, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(),
					response.body().isEmpty() ? json.nullNode() : json.readTree(response.body()),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param body the parsed JSON body ({@code null} node when empty)
	 * @param contentType the Content-Type header
	 * @param location the Location header, or {@code null}
	 */
	public record Answer(int status, JsonNode body, String contentType, String location, String retryAfter) {

		/**
		 * The problem's stable code.
		 * @return the {@code code} member, or an empty string
		 */
		public String code() {
			return this.body.path("code").asText();
		}

	}

}
