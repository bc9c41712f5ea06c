package com.couponplatform.migrationtool;

import java.io.PrintStream;
import java.util.Map;

/**
 * Runs the CLI from tests in other packages, with the environment they choose.
 */
public final class MigrationCliAccess {

	private MigrationCliAccess() {
	}

	public static int run(Map<String, String> env, PrintStream out, String... args) {
		return new MigrationCli(env, out).run(args);
	}

}
