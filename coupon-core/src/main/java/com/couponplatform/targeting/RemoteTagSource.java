package com.couponplatform.targeting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * The remote tag service over HTTP, behind a timeout and a circuit breaker: once it keeps
 * failing, claims stop waiting on it (the circuit opens and answers at once) until a
 * trial call after the open period succeeds.
 */
public final class RemoteTagSource {

	private static final TypeReference<Set<String>> TAGS = new TypeReference<>() {
	};

	private final String baseUrl;

	private final HttpClient client;

	private final TagsProperties settings;

	private final CircuitBreaker circuit;

	private final ObjectMapper json;

	public RemoteTagSource(TagsProperties settings, ObjectMapper json) {
		this.baseUrl = settings.getRemoteUrl().replaceAll("/+$", "");
		this.settings = settings;
		this.json = json;
		this.client = HttpClient.newBuilder().connectTimeout(settings.getTimeout()).build();
		this.circuit = CircuitBreaker.of("tag-service",
				CircuitBreakerConfig.custom()
					.failureRateThreshold(settings.getFailureRateThreshold())
					.slidingWindowSize(settings.getSlidingWindowSize())
					.minimumNumberOfCalls(Math.min(5, settings.getSlidingWindowSize()))
					.waitDurationInOpenState(settings.getOpenDuration())
					.permittedNumberOfCallsInHalfOpenState(2)
					.build());
	}

	/**
	 * A user's tags from the remote service.
	 * @param userId the user
	 * @return the tags, empty when the service knows no such user
	 * @throws TagSourceUnavailableException when the service fails, times out or its
	 * circuit is open
	 */
	public Set<String> tagsOf(long userId) {
		try {
			return this.circuit.executeCheckedSupplier(() -> fetch(userId));
		}
		catch (CallNotPermittedException ex) {
			throw new TagSourceUnavailableException("the tag service circuit is open", ex);
		}
		catch (Throwable ex) {
			throw new TagSourceUnavailableException("the tag service failed: " + ex, ex);
		}
	}

	public CircuitBreaker.State state() {
		return this.circuit.getState();
	}

	private Set<String> fetch(long userId) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/users/" + userId + "/tags"))
			.timeout(this.settings.getTimeout())
			.GET()
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			return Set.of();
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException("tag service answered " + response.statusCode());
		}
		return new HashSet<>(this.json.readValue(response.body(), TAGS));
	}

}
