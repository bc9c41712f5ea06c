package com.couponplatform.phasemachine;

import java.util.List;

/**
 * How the phase machine's comparisons hash a row in SQL and name what differs: the
 * freeze's checksum, the single-writer proof and the static copy report rows the same way
 * ({@code table key changed}, the first few named, the rest counted).
 */
final class RowDifferences {

	/** Differences named in a report; the rest are counted. */
	private static final int NAMED = 20;

	private RowDifferences() {
	}

	/**
	 * A SHA-256 of columns, computed by the database: each as text, SQL NULL as
	 * {@code \N}, joined by a separator no value holds.
	 * @param columns the columns
	 * @return the SQL expression
	 */
	static String hash(List<String> columns) {
		return "SHA2(CONCAT_WS(CHAR(31), "
				+ String.join(", ", columns.stream().map((c) -> "COALESCE(CAST(" + c + " AS CHAR), '\\\\N')").toList())
				+ "), 256)";
	}

	/**
	 * @param differences what differs, one entry a row
	 * @return the first few, then an ellipsis
	 */
	static String named(List<String> differences) {
		return String.join(", ", differences.subList(0, Math.min(NAMED, differences.size())))
				+ ((differences.size() > NAMED) ? ", …" : "");
	}

	/**
	 * @return {@code added}, {@code removed} or {@code changed}, from a row's two hashes
	 */
	static String change(String before, String after) {
		return (before == null) ? "added" : (after == null) ? "removed" : "changed";
	}

}
