package com.couponplatform.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the OpenAPI document a running service serves with the one committed under
 * docs/api/. On a difference it writes the served one to {@code target/openapi/} and
 * fails, naming the file to review and copy: the committed spec is what clients generate
 * from, so it changes only on purpose.
 */
public final class CommittedApiSpec {

	private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

	private CommittedApiSpec() {
	}

	/**
	 * @param port the service's port
	 * @param name the document's name: {@code docs/api/<name>.json}
	 * @return the served document
	 * @throws IOException when a file cannot be read or written
	 */
	public static JsonNode assertServedEqualsCommitted(int port, String name) throws IOException {
		Map.Entry<Integer, String> served = new TestHttp(port).text("/v3/api-docs", null);
		assertThat(served.getKey()).as("GET /v3/api-docs without credentials").isEqualTo(200);
		JsonNode actual = json.readTree(served.getValue());
		Path committed = Path.of("..", "docs", "api", name + ".json");
		JsonNode expected = Files.exists(committed) ? json.readTree(committed.toFile()) : null;
		if (!actual.equals(expected)) {
			Path written = Path.of("target", "openapi", name + ".json");
			Files.createDirectories(written.getParent());
			json.writeValue(written.toFile(), json.treeToValue(actual, Object.class));
			throw new AssertionError(committed.normalize() + " is not the document the service serves; review "
					+ written.toAbsolutePath() + " and copy it over if the change is meant");
		}
		return actual;
	}

}
