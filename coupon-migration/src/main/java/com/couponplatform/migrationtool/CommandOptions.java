package com.couponplatform.migrationtool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of one command, refused when one is unknown, repeated
 * or lacks its value.
 */
final class CommandOptions {

	private final Map<String, String> values;

	private CommandOptions(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Reads options.
	 * @param args the words after the verb
	 * @param known the option names the verb takes, without dashes
	 * @return the options
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static CommandOptions parse(String[] args, Set<String> known) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			String name = args[i].startsWith("--") ? args[i].substring(2) : "";
			if (!known.contains(name)) {
				throw new IllegalArgumentException("unknown option " + args[i]);
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			if (values.put(name, args[i + 1]) != null) {
				throw new IllegalArgumentException("--" + name + " given twice");
			}
		}
		return new CommandOptions(values);
	}

	String required(String name) {
		String value = this.values.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	String optional(String name, String otherwise) {
		return this.values.getOrDefault(name, otherwise);
	}

	int count(String name) {
		return (int) nonNegative(name, Integer.MAX_VALUE);
	}

	long longValue(String name) {
		try {
			return Long.parseLong(required(name));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be an integer");
		}
	}

	private long nonNegative(String name, long max) {
		long value = longValue(name);
		if (value < 0 || value > max) {
			throw new IllegalArgumentException("--" + name + " must be between 0 and " + max);
		}
		return value;
	}

}
