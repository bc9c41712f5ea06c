package com.couponplatform.sharding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * One versioned file of {@code sql/}: its version, its checksum and its statements, with
 * per-physical-table templates ({@code ${t}}) expanded for a given table count.
 */
final class SqlScript {

	private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

	private static final String TABLE_SUFFIX = "${t}";

	private final int version;

	private final String name;

	private final String text;

	private SqlScript(int version, String name, String text) {
		this.version = version;
		this.name = name;
		this.text = text;
	}

	static SqlScript load(Resource resource) {
		String filename = resource.getFilename();
		Matcher matcher = NAME.matcher((filename != null) ? filename : "");
		if (!matcher.matches()) {
			throw new IllegalStateException("Schema file " + filename + " is not named V<version>__<name>.sql");
		}
		try (InputStream in = resource.getInputStream()) {
			return new SqlScript(Integer.parseInt(matcher.group(1)), filename,
					new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read schema file " + filename, ex);
		}
	}

	int version() {
		return this.version;
	}

	String name() {
		return this.name;
	}

	String checksum() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The statements to run, each template statement repeated for table suffixes
	 * {@code 0 … tables-1}.
	 * @param tables M, the number of physical tables per sharded table
	 * @return executable statements in file order
	 */
	List<String> statements(int tables) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : this.text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("--")) {
				continue;
			}
			current.append(line).append('\n');
			if (trimmed.endsWith(";")) {
				String statement = current.toString().strip();
				statements.addAll(expand(statement.substring(0, statement.length() - 1), tables));
				current.setLength(0);
			}
		}
		if (!current.toString().isBlank()) {
			throw new IllegalStateException("Schema file " + this.name + " ends inside a statement (missing ';')");
		}
		return statements;
	}

	private static List<String> expand(String statement, int tables) {
		if (!statement.contains(TABLE_SUFFIX)) {
			return List.of(statement);
		}
		List<String> expanded = new ArrayList<>(tables);
		for (int t = 0; t < tables; t++) {
			expanded.add(statement.replace(TABLE_SUFFIX, Integer.toString(t)));
		}
		return expanded;
	}

}
