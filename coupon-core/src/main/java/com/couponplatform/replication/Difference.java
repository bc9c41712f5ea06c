package com.couponplatform.replication;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.couponplatform.legacy.CanonicalRow;

/**
 * One row that differs between OLD and NEW's copy, named as the operator contract names
 * it: its kind, its legacy table and its key there (docs/migration.md, "Keys").
 *
 * @param kind how it differs
 * @param table the legacy table
 * @param key the row's key
 * @param userId the row's user, {@code null} for a code's row
 */
public record Difference(Kind kind, String table, String key, Long userId) {

	/** How a row differs. */
	public enum Kind {

		/** In OLD, not in NEW. */
		MISSING,
		/** In NEW, not in OLD. */
		EXTRA,
		/** In both, with other values. */
		MISMATCHED,
		/** In NEW, but in a physical table its user or code does not route to. */
		MISPLACED

	}

	/**
	 * Compares two sides' canonical rows by table and key.
	 * @param old OLD's rows, by {@link UserRows#key}
	 * @param copy NEW's rows mapped back, by the same keys
	 * @param userId the user they belong to, or {@code null}
	 * @return every difference, OLD's order first, then the rows only NEW has
	 */
	static List<Difference> between(Map<String, CanonicalRow> old, Map<String, CanonicalRow> copy, Long userId) {
		List<Difference> differences = new ArrayList<>();
		Set<String> keys = new LinkedHashSet<>(old.keySet());
		keys.addAll(copy.keySet());
		for (String key : keys) {
			CanonicalRow before = old.get(key);
			CanonicalRow after = copy.get(key);
			Kind kind = (after == null) ? Kind.MISSING
					: (before == null) ? Kind.EXTRA : before.columns().equals(after.columns()) ? null : Kind.MISMATCHED;
			if (kind != null) {
				CanonicalRow row = (before != null) ? before : after;
				differences.add(new Difference(kind, row.table(), row.key(), userId));
			}
		}
		return differences;
	}

}
