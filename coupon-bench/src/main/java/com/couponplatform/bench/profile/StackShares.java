package com.couponplatform.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Shares of a profile's samples, read from its collapsed stacks (recorded with threads
 * apart): by thread, by library, and by what a thread waits on.
 */
public final class StackShares {

	private final List<Stack> stacks;

	private StackShares(List<Stack> stacks) {
		this.stacks = stacks;
	}

	/**
	 * @param collapsed a file of {@code [thread tid=…];frame;…;frame count} lines
	 * @return its stacks
	 * @throws IOException when it cannot be read
	 */
	public static StackShares read(Path collapsed) throws IOException {
		List<Stack> stacks = new ArrayList<>();
		for (String line : Files.readAllLines(collapsed)) {
			int space = line.lastIndexOf(' ');
			if (space < 0) {
				continue;
			}
			String frames = line.substring(0, space);
			int first = frames.indexOf(';');
			String thread = (first < 0) ? frames : frames.substring(0, first);
			// Class names as Java writes them: the profiler writes com/couponplatform/X.
			stacks.add(new Stack(thread.replaceAll("^\\[|( tid=\\d+)?\\]$", ""), frames.replace('/', '.'),
					Long.parseLong(line.substring(space + 1))));
		}
		return new StackShares(stacks);
	}

	/**
	 * @return each thread's share of all samples, in percent, the numbers in thread names
	 * folded ({@code http-nio-#-exec-#}) so that a pool reads as one
	 */
	public Map<String, Double> byThread() {
		return shares(this.stacks, (stack) -> stack.thread().replaceAll("\\d+", "#"));
	}

	/**
	 * Where some threads' CPU goes, by library: each sample goes to the library of its
	 * innermost frame that matches one, so that the JDK's and the kernel's frames count
	 * for the library that called them.
	 * @param threads the threads looked at
	 * @param libraries frame patterns by name
	 * @return each library's share of those threads' samples, in percent
	 */
	public Map<String, Double> byLibrary(Pattern threads, Map<String, Pattern> libraries) {
		return shares(of(threads), (stack) -> {
			String[] frames = stack.frames().split(";");
			for (int i = frames.length - 1; i > 0; i--) {
				for (Map.Entry<String, Pattern> library : libraries.entrySet()) {
					if (library.getValue().matcher(frames[i]).find()) {
						return library.getKey();
					}
				}
			}
			return "other (JDK, JVM, kernel)";
		});
	}

	/**
	 * What some threads spend their time on by wall clock: each sample goes to the first
	 * category, in the order given, that a frame of its stack matches.
	 * @param threads the threads looked at
	 * @param categories frame patterns by name, the most specific first
	 * @return each category's share of those threads' samples, in percent
	 */
	public Map<String, Double> byWait(Pattern threads, Map<String, Pattern> categories) {
		return shares(of(threads),
				(stack) -> categories.entrySet()
					.stream()
					.filter((category) -> category.getValue().matcher(stack.frames()).find())
					.map(Map.Entry::getKey)
					.findFirst()
					.orElse("running or elsewhere"));
	}

	private List<Stack> of(Pattern threads) {
		return this.stacks.stream().filter((stack) -> threads.matcher(stack.thread()).find()).toList();
	}

	private static Map<String, Double> shares(List<Stack> stacks, Function<Stack, String> key) {
		long total = stacks.stream().mapToLong(Stack::samples).sum();
		Map<String, Long> samples = new LinkedHashMap<>();
		stacks.forEach((stack) -> samples.merge(key.apply(stack), stack.samples(), Long::sum));
		Map<String, Double> shares = new LinkedHashMap<>();
		samples.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((entry) -> shares.put(entry.getKey(), (total == 0) ? 0 : 100.0 * entry.getValue() / total));
		return shares;
	}

	private record Stack(String thread, String frames, long samples) {
	}

}
