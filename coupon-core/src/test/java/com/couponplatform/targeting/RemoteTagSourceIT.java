package com.couponplatform.targeting;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The remote tag service is a real HTTP server on loopback that can stop answering: the
 * circuit opens, calls stop reaching (and waiting on) the service, and it closes again
 * once the service is back.
 */
class RemoteTagSourceIT {

	private final AtomicBoolean frozen = new AtomicBoolean();

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer server;

	private RemoteTagSource source;

	@BeforeEach
	void startTagService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.createContext("/users/", (exchange) -> {
			this.requests.incrementAndGet();
			if (this.frozen.get()) {
				sleep(2000);
			}
			boolean known = exchange.getRequestURI().getPath().equals("/users/42/tags");
			byte[] body = (known ? "[\"vip\",\"new_user\"]" : "").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
		TagsProperties settings = new TagsProperties();
		settings.setRemoteUrl("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
		// Well below the 2 s freeze, well above a loaded 2-core machine's loopback
		// answer.
		settings.setTimeout(Duration.ofMillis(500));
		settings.setSlidingWindowSize(5);
		settings.setOpenDuration(Duration.ofSeconds(1));
		this.source = new RemoteTagSource(settings, new ObjectMapper());
	}

	@AfterEach
	void stopTagService() {
		this.server.stop(0);
	}

	@Test
	void readsTagsAndTreatsAnUnknownUserAsUntagged() {
		assertThat(this.source.tagsOf(42)).isEqualTo(Set.of("vip", "new_user"));
		assertThat(this.source.tagsOf(7)).isEmpty();
	}

	@Test
	void opensTheCircuitWhenTheServiceStopsAnsweringAndClosesItWhenItIsBack() throws Exception {
		this.frozen.set(true);
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(TagSourceUnavailableException.class).isThrownBy(() -> this.source.tagsOf(42));
		}
		assertThat(this.source.state()).isEqualTo(CircuitBreaker.State.OPEN);
		int reachedWhileClosed = this.requests.get();
		for (int i = 0; i < 50; i++) {
			assertThatExceptionOfType(TagSourceUnavailableException.class).isThrownBy(() -> this.source.tagsOf(42))
				.withMessageContaining("circuit is open");
		}
		assertThat(this.requests).hasValue(reachedWhileClosed);

		this.frozen.set(false);
		Thread.sleep(1200);
		assertThat(this.source.tagsOf(42)).contains("vip");
		assertThat(this.source.tagsOf(42)).contains("vip");
		assertThat(this.source.state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
