package com.couponplatform.bench.legacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./deploy/migrate.sh} run as an operator runs it, from the repository's root, for
 * the benchmarks that drive the migration's CLI.
 */
public final class MigrateScript {

	private MigrateScript() {
	}

	/**
	 * Runs one verb and waits for it.
	 * @param args the verb and its options
	 * @return what it printed
	 * @throws IllegalStateException when it exits with a non-zero status
	 */
	public static String run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("./deploy/migrate.sh"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + printed);
		}
		return printed;
	}

}
