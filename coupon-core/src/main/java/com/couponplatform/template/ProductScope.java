package com.couponplatform.template;

import java.util.List;
import java.util.Set;

/**
 * Which cart lines a coupon may discount: SKUs by whitelist or blacklist, and categories
 * by whitelist or blacklist. Empty lists place no restriction. The global super-blacklist
 * applies on top of every scope, at checkout.
 *
 * @param skuWhitelist if not empty, only these SKUs
 * @param skuBlacklist never these SKUs
 * @param categoryWhitelist if not empty, only these categories
 * @param categoryBlacklist never these categories
 */
public record ProductScope(Set<String> skuWhitelist, Set<String> skuBlacklist, Set<String> categoryWhitelist,
		Set<String> categoryBlacklist) {

	/** No restriction. */
	public static final ProductScope EVERYTHING = new ProductScope(Set.of(), Set.of(), Set.of(), Set.of());

	public ProductScope {
		skuWhitelist = (skuWhitelist != null) ? Set.copyOf(skuWhitelist) : Set.of();
		skuBlacklist = (skuBlacklist != null) ? Set.copyOf(skuBlacklist) : Set.of();
		categoryWhitelist = (categoryWhitelist != null) ? Set.copyOf(categoryWhitelist) : Set.of();
		categoryBlacklist = (categoryBlacklist != null) ? Set.copyOf(categoryBlacklist) : Set.of();
	}

	/**
	 * Tells whether a cart line of this SKU and category is in scope.
	 * @param skuId the line's SKU
	 * @param categoryId the line's category
	 * @return whether the coupon may discount it (before the super-blacklist)
	 */
	public boolean covers(String skuId, String categoryId) {
		if (!this.skuWhitelist.isEmpty() && !this.skuWhitelist.contains(skuId)) {
			return false;
		}
		if (this.skuBlacklist.contains(skuId)) {
			return false;
		}
		if (!this.categoryWhitelist.isEmpty() && !this.categoryWhitelist.contains(categoryId)) {
			return false;
		}
		return !this.categoryBlacklist.contains(categoryId);
	}

	/**
	 * IDs in a stable order, so that equal scopes read and store identically.
	 */
	static List<String> sorted(Set<String> ids) {
		return ids.stream().sorted().toList();
	}

}
