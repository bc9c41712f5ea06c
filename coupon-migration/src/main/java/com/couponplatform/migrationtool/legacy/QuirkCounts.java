package com.couponplatform.migrationtool.legacy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many rows of each quirk (and of each state) a generator run wrote, as printed by
 * {@code legacy-generate}.
 */
public final class QuirkCounts {

	private final Map<String, Long> counts = new TreeMap<>();

	void add(String quirk) {
		add(quirk, 1);
	}

	void add(String quirk, long n) {
		this.counts.merge(quirk, n, Long::sum);
	}

	/**
	 * The count of one quirk.
	 * @param quirk its name, as printed
	 * @return the rows written with it (0 if none)
	 */
	public long get(String quirk) {
		return this.counts.getOrDefault(quirk, 0L);
	}

	/**
	 * Every quirk with its count, by name.
	 * @return an unmodifiable view
	 */
	public Map<String, Long> asMap() {
		return Collections.unmodifiableMap(this.counts);
	}

}
