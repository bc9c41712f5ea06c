package com.couponplatform.template;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.stereotype.Component;

import com.couponplatform.shared.InvalidInputException;

/**
 * The global super-blacklist: SKUs no coupon may discount. Read on every cart line, so
 * the whole list is held in memory and reloaded every few seconds; a change is seen at
 * once by the instance that made it and within {@link #REFRESH} by the others.
 */
@Component
public class SuperBlacklist {

	static final Duration REFRESH = Duration.ofSeconds(5);

	private final SuperBlacklistMapper skus;

	private final Clock clock;

	private final LoadingCache<Boolean, Set<String>> all;

	SuperBlacklist(SuperBlacklistMapper skus, Clock clock) {
		this.skus = skus;
		this.clock = clock;
		this.all = Caffeine.newBuilder().refreshAfterWrite(REFRESH).build((key) -> Set.copyOf(skus.findAll()));
	}

	public boolean contains(String skuId) {
		return this.all.get(Boolean.TRUE).contains(skuId);
	}

	/**
	 * Every blacklisted SKU.
	 * @return the SKUs
	 */
	public Set<String> all() {
		return this.all.get(Boolean.TRUE);
	}

	/**
	 * Every blacklisted SKU with its reason, read from the database (not the cache), for
	 * the operators' screen.
	 * @return the entries by SKU
	 */
	public List<BlacklistedSku> entries() {
		return this.skus.findEntries();
	}

	/**
	 * Blacklists a SKU (again, with a new reason, if it already is).
	 * @param skuId the SKU
	 * @param reason why, for the operators who come later
	 * @param actor the back-office user
	 */
	public void add(String skuId, String reason, String actor) {
		if (skuId == null || skuId.isBlank() || skuId.length() > 64) {
			throw new InvalidInputException("skuId", "must be 1 to 64 characters");
		}
		if (reason == null || reason.isBlank() || reason.length() > 200) {
			throw new InvalidInputException("reason", "must be 1 to 200 characters");
		}
		this.skus.upsert(skuId, reason, actor, this.clock.instant());
		this.all.invalidateAll();
	}

	/**
	 * Takes a SKU off the blacklist.
	 * @param skuId the SKU
	 * @throws NotBlacklistedException when it was not on it
	 */
	public void remove(String skuId) {
		int removed = this.skus.delete(skuId);
		this.all.invalidateAll();
		if (removed == 0) {
			throw new NotBlacklistedException(skuId);
		}
	}

}
