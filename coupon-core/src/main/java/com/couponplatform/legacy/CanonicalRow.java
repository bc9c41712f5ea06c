package com.couponplatform.legacy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A legacy row in the one form both sides are compared in (MIGRATION.md decision 9): its
 * table, its key, and its columns as text — times at whole seconds, amounts without
 * trailing zeros, SQL NULL as {@code \N}. OLD's row read as it is and NEW's row mapped
 * back must give equal canonical rows.
 *
 * @param table the legacy table
 * @param key the row's key in that table (the format per table is in docs/migration.md)
 * @param columns column name to canonical text, in the table's column order
 */
public record CanonicalRow(String table, String key, Map<String, String> columns) {

	/** How SQL NULL reads, as in MySQL's own dumps. */
	public static final String NULL = "\\N";

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	public CanonicalRow {
		columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
	}

	static Builder of(String table, String key) {
		return new Builder(table, key);
	}

	/**
	 * A digest of the columns (not the key), for the per-row hashes the static copy and
	 * the verifier compare.
	 * @return SHA-256 in hex
	 */
	public String hash() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String value : this.columns.values()) {
				digest.update(value.getBytes(StandardCharsets.UTF_8));
				// A separator no value contains, so ("a", "bc") and ("ab", "c") differ.
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final class Builder {

		private final String table;

		private final String key;

		private final Map<String, String> columns = new LinkedHashMap<>();

		private Builder(String table, String key) {
			this.table = table;
			this.key = key;
		}

		Builder column(String name, Object value) {
			this.columns.put(name, text(value));
			return this;
		}

		CanonicalRow build() {
			return new CanonicalRow(this.table, this.key, this.columns);
		}

		private static String text(Object value) {
			if (value == null) {
				return NULL;
			}
			if (value instanceof BigDecimal amount) {
				return amount.stripTrailingZeros().toPlainString();
			}
			if (value instanceof LocalDateTime time) {
				return time.truncatedTo(ChronoUnit.SECONDS).format(SECONDS);
			}
			return value.toString();
		}

	}

}
