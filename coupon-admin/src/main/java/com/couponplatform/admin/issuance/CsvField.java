package com.couponplatform.admin.issuance;

/**
 * One CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line
 * break, with quotes doubled; a leading {@code = + - @} is prefixed with a quote mark so
 * that a spreadsheet does not run it as a formula.
 */
final class CsvField {

	private CsvField() {
	}

	static String quote(String value) {
		String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
