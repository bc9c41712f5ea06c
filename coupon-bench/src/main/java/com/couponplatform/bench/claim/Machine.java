package com.couponplatform.bench.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a report was measured on, as Linux describes it.
 */
public final class Machine {

	private Machine() {
	}

	public static String describe() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.orElse(cpu);
		}
		catch (IOException ex) {
			// Not Linux: the core count and Java version still say something.
		}
		long memoryGiB = 0;
		try {
			memoryGiB = Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.findFirst()
				.map((line) -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024)
				.orElse(0L);
		}
		catch (IOException ex) {
			// As above.
		}
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryGiB + " GiB, Java "
				+ System.getProperty("java.version") + "; load generator, coupon-api, coupon-admin, MariaDB and "
				+ "Redis share these cores";
	}

}
