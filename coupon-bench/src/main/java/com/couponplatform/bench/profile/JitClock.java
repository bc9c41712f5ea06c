package com.couponplatform.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long another JVM's JIT compilers have worked so far, from its own counters
 * ({@code jcmd <pid> PerfCounter.print}: {@code java.ci.totalTime} in ticks of
 * {@code sun.os.hrt.frequency}). A benchmark warms up until a round of load adds little
 * compilation: on two cores the C2 threads otherwise take a large share of the CPU
 * through the measured runs (docs/benchmarks.md, "Where a hot claim's time goes").
 */
public final class JitClock {

	private static final Pattern TOTAL = Pattern.compile("java\\.ci\\.totalTime=(\\d+)");

	private static final Pattern FREQUENCY = Pattern.compile("sun\\.os\\.hrt\\.frequency=(\\d+)");

	private final long pid;

	private final Path jcmd;

	private JitClock(long pid) {
		this.pid = pid;
		this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
	}

	/**
	 * @param pid the JVM
	 * @return its JIT's clock
	 */
	public static JitClock of(long pid) {
		return new JitClock(pid);
	}

	/**
	 * @return seconds its compilers have worked since it started
	 */
	public double seconds() throws IOException, InterruptedException {
		Process process = new ProcessBuilder(
				List.of(this.jcmd.toString(), Long.toString(this.pid), "PerfCounter.print"))
			.redirectErrorStream(true)
			.start();
		String counters = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + this.pid + " PerfCounter.print: " + counters);
		}
		return value(TOTAL, counters) / (double) value(FREQUENCY, counters);
	}

	private static long value(Pattern counter, String counters) {
		Matcher found = counter.matcher(counters);
		if (!found.find()) {
			throw new IllegalStateException("no " + counter.pattern() + " in the JVM's counters");
		}
		return Long.parseLong(found.group(1));
	}

}
