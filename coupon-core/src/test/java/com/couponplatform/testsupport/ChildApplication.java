package com.couponplatform.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An application run in a child JVM of the test's classpath, so that a test can kill it
 * with SIGKILL (no shutdown hook, no finally block runs) and start another in its place.
 * Its output goes to the test's log with a prefix, for whoever reads a failure.
 */
public final class ChildApplication {

	private final Process process;

	private final int port;

	private final CountDownLatch marker;

	private ChildApplication(Process process, int port, CountDownLatch marker) {
		this.process = process;
		this.port = port;
		this.marker = marker;
	}

	/**
	 * Starts the application and waits until its HTTP port listens.
	 * @param mainClass the class whose {@code main} to run
	 * @param name a short name for its log lines
	 * @param marker a log line fragment {@link #awaitMarker} waits for, or {@code null}
	 * @param args its {@code --key=value} arguments; its {@code server.port} is chosen
	 * here
	 * @return the running application
	 * @throws Exception when it does not start within two minutes
	 */
	public static ChildApplication start(Class<?> mainClass, String name, String marker, List<String> args)
			throws Exception {
		int port = freePort();
		ChildApplication child = launch(mainClass, name, marker, args, port);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!listens(port)) {
			if (!child.process.isAlive() || System.nanoTime() > deadline) {
				child.process.destroyForcibly();
				throw new IllegalStateException(name + " did not start (see its [" + name + "] lines)");
			}
			Thread.sleep(200);
		}
		return child;
	}

	/**
	 * Starts an application without HTTP (the migration worker); the caller waits for its
	 * marker.
	 * @param mainClass the class whose {@code main} to run
	 * @param name a short name for its log lines
	 * @param marker a log line fragment {@link #awaitMarker} waits for
	 * @param args its arguments
	 * @return the running application
	 * @throws IOException when it cannot be started
	 */
	public static ChildApplication startWithoutPort(Class<?> mainClass, String name, String marker, List<String> args)
			throws IOException {
		return launch(mainClass, name, marker, args, -1);
	}

	private static ChildApplication launch(Class<?> mainClass, String name, String marker, List<String> args, int port)
			throws IOException {
		List<String> command = new ArrayList<>(
				List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-Xmx512m",
						"-cp", System.getProperty("java.class.path"), mainClass.getName()));
		// The child's port is chosen here, whatever the arguments say.
		args.stream().filter((arg) -> !arg.startsWith("--server.port=")).forEach(command::add);
		if (port > 0) {
			command.add("--server.port=" + port);
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		CountDownLatch seen = new CountDownLatch(1);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					System.out.println("[" + name + "] " + line);
					if (marker != null && line.contains(marker)) {
						seen.countDown();
					}
				}
			}
			catch (IOException ex) {
				// The process died; the caller's waits time out.
			}
		}, name + "-output");
		reader.setDaemon(true);
		reader.start();
		return new ChildApplication(process, port, seen);
	}

	public int port() {
		return this.port;
	}

	/**
	 * Waits for the marker line.
	 * @param seconds the longest wait
	 * @return whether it was seen
	 * @throws InterruptedException when interrupted
	 */
	public boolean awaitMarker(long seconds) throws InterruptedException {
		return this.marker.await(seconds, TimeUnit.SECONDS);
	}

	/**
	 * SIGKILL, and waits until the process is gone.
	 * @throws InterruptedException when interrupted
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static boolean listens(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
