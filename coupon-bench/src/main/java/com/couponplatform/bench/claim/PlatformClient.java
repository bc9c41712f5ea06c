package com.couponplatform.bench.claim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark's view of the platform outside the load: templates created and published
 * through coupon-admin, and the coupon rows counted in every shard table directly, so
 * "issued == stock" is checked against the truth.
 */
public final class PlatformClient {

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpClient http;

	private final String adminUrl;

	private final String basicAuth;

	private final String jdbcUrl;

	private final String dbUser;

	private final String dbPassword;

	private final String dbPrefix;

	public PlatformClient(HttpClient http, String adminUrl, String adminPassword, String jdbcUrl, String dbUser,
			String dbPassword, String dbPrefix) {
		this.http = http;
		this.adminUrl = adminUrl;
		this.basicAuth = "Basic "
				+ Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
		this.jdbcUrl = jdbcUrl;
		this.dbUser = dbUser;
		this.dbPassword = dbPassword;
		this.dbPrefix = dbPrefix;
	}

	/**
	 * The platform {@code deploy/bench.sh} started: coupon-admin at {@code BENCH_ADMIN},
	 * the database server and prefix of the {@code COUPON_DB_*} variables.
	 * @param http the client for coupon-admin
	 * @return the client
	 */
	public static PlatformClient fromEnvironment(HttpClient http) {
		return new PlatformClient(http, BenchEnvironment.env("BENCH_ADMIN", "http://127.0.0.1:28081"),
				BenchEnvironment.required("COUPON_ADMIN_PASSWORD"),
				"jdbc:mysql://" + BenchEnvironment.env("COUPON_DB_HOST", "127.0.0.1") + ":"
						+ BenchEnvironment.env("COUPON_DB_PORT", "3306")
						+ "/?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC",
				BenchEnvironment.env("COUPON_DB_USER", "root"), BenchEnvironment.env("COUPON_DB_PASSWORD", ""),
				BenchEnvironment.env("COUPON_DB_PREFIX", "couponbench"));
	}

	/**
	 * Uploads a file to coupon-admin as the {@code file} part of a multipart form.
	 * @param path the path
	 * @param fields the form's text fields
	 * @param file the file, streamed from disk
	 * @param expected the status the call must answer
	 * @return the parsed answer
	 * @throws Exception when the call fails or answers another status
	 */
	public JsonNode upload(String path, java.util.Map<String, String> fields, java.nio.file.Path file, int expected)
			throws Exception {
		String boundary = "----coupon-bench-" + System.nanoTime();
		StringBuilder head = new StringBuilder();
		fields.forEach((name, value) -> head.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		head.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"users.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n");
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.adminUrl + path))
			.header("Authorization", this.basicAuth)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()),
					HttpRequest.BodyPublishers.ofFile(file),
					HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(
					"upload to " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

	/** An ACTIVE fixed-amount template, one per user, claimable for the next day. */
	public long activeTemplate(String name, long stock) throws Exception {
		String body = """
				{"name":"%s","type":"FIXED_AMOUNT","discountAmount":500,"totalStock":%d,"perUserLimit":1,
				 "claimStart":"%s","claimEnd":"%s","validity":{"type":"RELATIVE","days":30}}
				""".formatted(name, stock, Instant.now().minusSeconds(60), Instant.now().plusSeconds(86_400));
		JsonNode created = admin("POST", "/admin/api/v1/templates", body, 201);
		long id = created.path("id").asLong();
		admin("POST", "/admin/api/v1/templates/" + id + "/publish", null, 200);
		return id;
	}

	/** The guarded counter of a template, as coupon-admin reads it. */
	public long issuedCounter(long templateId) throws Exception {
		return admin("GET", "/admin/api/v1/templates/" + templateId, null, 200).path("issued").asLong();
	}

	/**
	 * Waits until the CouponClaimed events of a template have all been counted (outbox,
	 * relay, broker, consumer), so the next measurement does not share the machine with a
	 * draining event pipeline.
	 * @return whether the statistic reached the count within the time
	 */
	public boolean awaitStatistic(long templateId, long issued, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			if (admin("GET", "/admin/api/v1/templates/" + templateId + "/statistics", null, 200).path("issued")
				.asLong() >= issued) {
				return true;
			}
			Thread.sleep(500);
		}
		return false;
	}

	/** Coupon rows of these templates in every physical table of every shard. */
	public long couponRows(List<Long> templateIds) throws SQLException {
		String ids = templateIds.stream().map(String::valueOf).collect(Collectors.joining(","));
		long rows = 0;
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, this.dbUser, this.dbPassword);
				Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet found = statement.executeQuery(
					"SELECT table_schema, table_name FROM information_schema.tables " + "WHERE table_schema LIKE '"
							+ this.dbPrefix + "\\_ds\\_%' AND table_name LIKE 'user\\_coupon\\_%'")) {
				while (found.next()) {
					tables.add("`" + found.getString(1) + "`.`" + found.getString(2) + "`");
				}
			}
			for (String table : tables) {
				try (ResultSet count = statement
					.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE template_id IN (" + ids + ")")) {
					count.next();
					rows += count.getLong(1);
				}
			}
		}
		return rows;
	}

	/**
	 * GETs a text resource of coupon-admin (a CSV export) with the built-in admin's
	 * credentials.
	 * @param path the path
	 * @return the body
	 * @throws Exception when the call fails or answers other than 200
	 */
	public String adminText(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.adminUrl + path))
			.header("Authorization", this.basicAuth)
			.GET()
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
		}
		return response.body();
	}

	/**
	 * Calls coupon-admin with the built-in admin's credentials.
	 * @param method the HTTP method
	 * @param path the path
	 * @param body a JSON body, or {@code null}
	 * @param expected the status the call must answer
	 * @return the parsed answer
	 * @throws Exception when the call fails or answers another status
	 */
	public JsonNode admin(String method, String path, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.adminUrl + path))
			.header("Authorization", this.basicAuth)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(
					method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

}
