package com.couponplatform.bench.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * async-profiler in another JVM: its native library (from the Maven artifact on this
 * classpath) loaded into the process with {@code jcmd <pid> JVMTI.agent_load}, which
 * starts, dumps and stops it by command. Nothing has to be set when the process starts.
 */
public final class Profiler {

	private final Path library;

	private final Path jcmd;

	private Profiler(Path library, Path jcmd) {
		this.library = library;
		this.jcmd = jcmd;
	}

	/**
	 * @param workDirectory where the native library is unpacked
	 * @return the profiler
	 * @throws IOException when the library cannot be unpacked
	 */
	public static Profiler unpackInto(Path workDirectory) throws IOException {
		Files.createDirectories(workDirectory);
		Path library = workDirectory.resolve("libasyncProfiler.so");
		try (InputStream in = Profiler.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
			if (in == null) {
				throw new IllegalStateException("linux-x64/libasyncProfiler.so is not on the classpath");
			}
			Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
		}
		// The JDK running this benchmark is the platform's, so its jcmd can attach.
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		return new Profiler(library, jcmd);
	}

	/**
	 * @param pid the process
	 * @param event {@code cpu}, {@code itimer}, {@code wall} or {@code lock}
	 */
	public void start(long pid, String event) throws IOException, InterruptedException {
		// Threads apart, so that a request thread's time can be told from a pool's.
		command(pid, "start,threads,event=" + event + ((event.equals("wall")) ? ",interval=5ms" : ""));
	}

	/**
	 * Writes what was recorded and stops.
	 * @param pid the process
	 * @param flameGraph the HTML flame graph to write
	 * @param stacks the stacks to write, collapsed (one line a stack, its thread first,
	 * then its sample count), for {@link StackShares}
	 */
	public void stop(long pid, Path flameGraph, Path stacks) throws IOException, InterruptedException {
		command(pid, "dump,collapsed,file=" + stacks.toAbsolutePath());
		command(pid, "stop,file=" + flameGraph.toAbsolutePath());
	}

	private void command(long pid, String arguments) throws IOException, InterruptedException {
		// Quoted: jcmd would take "event=cpu" for an argument of its own and pass the
		// agent an empty event.
		Process process = new ProcessBuilder(List.of(this.jcmd.toString(), Long.toString(pid), "JVMTI.agent_load",
				this.library.toString(), "\"" + arguments + "\""))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		// jcmd answers 0 even when the agent refused a command; the agent says "return
		// code: 0".
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.contains("return code: 0")) {
			throw new IllegalStateException("jcmd " + pid + " " + arguments + ": " + output);
		}
	}

}
