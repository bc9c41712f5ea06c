package com.couponplatform.template;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code scope_json} column: a product scope as JSON lists, sorted so that equal
 * scopes are stored identically. {@code null} stands for no restriction.
 */
final class ScopeJson {

	private static final ObjectMapper json = new ObjectMapper();

	private ScopeJson() {
	}

	static String write(ProductScope scope) {
		if (scope.equals(ProductScope.EVERYTHING)) {
			return null;
		}
		try {
			return json.writeValueAsString(new Stored(ProductScope.sorted(scope.skuWhitelist()),
					ProductScope.sorted(scope.skuBlacklist()), ProductScope.sorted(scope.categoryWhitelist()),
					ProductScope.sorted(scope.categoryBlacklist())));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ProductScope read(String text) {
		if (text == null) {
			return ProductScope.EVERYTHING;
		}
		try {
			Stored stored = json.readValue(text, Stored.class);
			return new ProductScope(Set.copyOf(stored.skuWhitelist()), Set.copyOf(stored.skuBlacklist()),
					Set.copyOf(stored.categoryWhitelist()), Set.copyOf(stored.categoryBlacklist()));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable scope_json: " + text, ex);
		}
	}

	private record Stored(List<String> skuWhitelist, List<String> skuBlacklist, List<String> categoryWhitelist,
			List<String> categoryBlacklist) {
	}

}
