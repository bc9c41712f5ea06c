package com.couponplatform.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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

	private final Map<String, String> headers;

	public TestHttp(int port) {
		this(port, Map.of());
	}

	private TestHttp(int port, Map<String, String> headers) {
		this.port = port;
		this.headers = headers;
	}

	/**
	 * The same client sending one more header with every request.
	 * @param name the header's name, for example {@code X-Forwarded-For}
	 * @param value its value
	 * @return a new client
	 */
	public TestHttp withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new TestHttp(this.port, more);
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
		return send(method, path, authorization, (body != null) ? "application/json" : null,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
	}

	/**
	 * Posts a multipart form: text fields and one file part named {@code file}.
	 * @param path the path
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @param fields the text fields
	 * @param fileContent the file's content
	 * @return the answer
	 */
	public Answer upload(String path, String authorization, Map<String, String> fields, String fileContent) {
		String boundary = "----coupon-test-" + System.nanoTime();
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> form.append("--")
			.append(boundary)
			.append("\r\n")
			.append("Content-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		form.append("--")
			.append(boundary)
			.append("\r\n")
			.append("Content-Disposition: form-data; name=\"file\"; filename=\"users.csv\"\r\n")
			.append("Content-Type: text/csv\r\n\r\n")
			.append(fileContent)
			.append("\r\n--")
			.append(boundary)
			.append("--\r\n");
		return send("POST", path, authorization, "multipart/form-data; boundary=" + boundary,
				HttpRequest.BodyPublishers.ofString(form.toString()));
	}

	/**
	 * GETs a text resource (CSV, say) as it is.
	 * @param path the path
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @return the status code and the body
	 */
	public Map.Entry<Integer, String> text(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return Map.entry(response.statusCode(), response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
	}

	private Answer send(String method, String path, String authorization, String contentType,
			HttpRequest.BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, body);
		this.headers.forEach(request::header);
		if (contentType != null) {
			request.header("Content-Type", contentType);
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
