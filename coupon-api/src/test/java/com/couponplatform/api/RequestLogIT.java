package com.couponplatform.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.couponplatform.shared.RequestLog;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each request's ID, its access-log line and the fields JSON logs carry. (The JSON
 * console itself is checked by the embedded smoke test, whose services run with
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}: in a test JVM the first application's
 * logging configuration stays.)
 */
@RealServices
class RequestLogIT {

	private static final String PREFIX = TestServices.uniquePrefix();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final List<ILoggingEvent> accessLines = new CopyOnWriteArrayList<>();

	private static ConfigurableApplicationContext api;

	private static int port;

	@BeforeAll
	static void start() {
		api = SpringApplication.run(CouponApiApplication.class,
				TestServices.installationArguments(PREFIX, "coupon.db.host=" + TestServices.dbHost(),
						"coupon.db.port=" + TestServices.dbPort(), "coupon.db.user=" + TestServices.dbUser(),
						"coupon.db.password=" + TestServices.dbPassword(),
						"logging.level.com.couponplatform.access=INFO"));
		port = Integer.parseInt(api.getEnvironment().getProperty("local.server.port"));
		// After the start: the logging system is set up again when an application starts.
		AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				event.getMDCPropertyMap();
				accessLines.add(event);
			}
		};
		capture.start();
		((Logger) LoggerFactory.getLogger("com.couponplatform.access")).addAppender(capture);
	}

	@AfterAll
	static void stop() {
		if (api != null) {
			api.close();
		}
		TestServices.dropDatabases(PREFIX);
	}

	@BeforeEach
	void forgetEarlierLines() {
		accessLines.clear();
	}

	@Test
	void aCallersRequestIdComesBackAndNamesTheAccessLineWithItsUser() throws Exception {
		HttpResponse<String> wallet = send(
				get("/api/v1/coupons", TestTokens.user(4242)).header(RequestLog.HEADER, "it-trace-42"));
		assertThat(wallet.statusCode()).isEqualTo(200);
		assertThat(wallet.headers().firstValue(RequestLog.HEADER)).hasValue("it-trace-42");
		ILoggingEvent line = onlyAccessLine();
		assertThat(line.getFormattedMessage()).startsWith("GET /api/v1/coupons 200 ").contains("user=4242");
		assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "it-trace-42")
			.containsEntry("userId", "4242")
			.containsEntry("principal", "4242")
			.doesNotContainKey("problemCode");
	}

	@Test
	void aRefusalNamesItsProblemCodeAndTheUser() throws Exception {
		HttpResponse<String> missing = send(
				post("/api/v1/claims", TestTokens.user(77), "{\"templateId\":\"999999999\",\"requestId\":\"r1\"}"));
		assertThat(missing.statusCode()).isEqualTo(404);
		ILoggingEvent line = onlyAccessLine();
		assertThat(line.getFormattedMessage()).startsWith("POST /api/v1/claims 404 TEMPLATE_NOT_FOUND ");
		assertThat(line.getMDCPropertyMap()).containsEntry("problemCode", "TEMPLATE_NOT_FOUND")
			.containsEntry("userId", "77")
			.containsEntry("requestId", missing.headers().firstValue(RequestLog.HEADER).orElseThrow());
	}

	@Test
	void aSecurityRefusalIsLoggedAndAMalformedIdIsReplaced() throws Exception {
		HttpResponse<String> anonymous = send(get("/api/v1/coupons", null).header(RequestLog.HEADER, "bad id; drop"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		String id = anonymous.headers().firstValue(RequestLog.HEADER).orElseThrow();
		assertThat(id).matches("[0-9a-f]{16}");
		ILoggingEvent line = onlyAccessLine();
		assertThat(line.getMDCPropertyMap()).containsEntry("requestId", id)
			.containsEntry("problemCode", "UNAUTHENTICATED")
			.doesNotContainKey("principal");
		HttpResponse<String> service = send(get("/api/v1/coupons?userId=5", TestTokens.service()));
		assertThat(service.statusCode()).isEqualTo(200);
		assertThat(accessLines.get(accessLines.size() - 1).getMDCPropertyMap())
			.containsEntry("principal", "checkout-service")
			.containsEntry("userId", "5");
	}

	/** The line is written after the answer is sent: wait for it, briefly. */
	private static ILoggingEvent onlyAccessLine() throws InterruptedException {
		for (int i = 0; i < 100 && accessLines.isEmpty(); i++) {
			Thread.sleep(20);
		}
		assertThat(accessLines).hasSize(1);
		return accessLines.get(0);
	}

	private static HttpRequest.Builder get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private static HttpRequest.Builder post(String path, String token, String body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
