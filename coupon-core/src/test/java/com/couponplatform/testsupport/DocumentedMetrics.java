package com.couponplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metrics docs/metrics.md promises, and a Prometheus scrape to hold them against.
 */
public final class DocumentedMetrics {

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| (api|admin|both) \\|");

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)$");

	private DocumentedMetrics() {
	}

	/**
	 * The documented metrics one service exports.
	 * @param service {@code api} or {@code admin}
	 * @return their Prometheus names
	 */
	public static List<String> of(String service) {
		return rows().filter((row) -> row.group(2).equals(service) || row.group(2).equals("both"))
			.map((row) -> row.group(1))
			.toList();
	}

	/**
	 * Every documented metric.
	 * @return their Prometheus names
	 */
	public static List<String> all() {
		return rows().map((row) -> row.group(1)).toList();
	}

	private static Stream<Matcher> rows() {
		// Tests run in their module's folder, one or two levels below the repository.
		Path docs = Path.of("..", "docs", "metrics.md");
		if (!Files.exists(docs)) {
			docs = Path.of("..", "..", "docs", "metrics.md");
		}
		try {
			return Files.readAllLines(docs).stream().map(ROW::matcher).filter(Matcher::find);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The samples of a scrape in the text format, by series (name and labels as printed).
	 * @param exposition the scraped text
	 * @return series to value
	 */
	public static Map<String, Double> samples(String exposition) {
		Map<String, Double> samples = new LinkedHashMap<>();
		exposition.lines()
			.filter((line) -> !line.startsWith("#"))
			.map(SAMPLE::matcher)
			.filter(Matcher::matches)
			.forEach((sample) -> samples.put(sample.group(1), Double.parseDouble(sample.group(2))));
		return samples;
	}

	/**
	 * The documented metrics of a service a scrape has no sample of (a histogram's or
	 * summary's {@code _bucket}, {@code _count} series count for it).
	 * @param service {@code api} or {@code admin}
	 * @param exposition the scraped text
	 * @return the missing names
	 */
	public static List<String> missing(String service, String exposition) {
		Map<String, Double> samples = samples(exposition);
		return of(service).stream()
			.filter((name) -> samples.keySet()
				.stream()
				.noneMatch((series) -> series.matches(Pattern.quote(name) + "(_bucket|_count|_sum|_max)?(\\{.*)?")))
			.toList();
	}

	/**
	 * The value of one series, 0 when the scrape has none.
	 * @param exposition the scraped text
	 * @param series the name with its labels as Prometheus prints them
	 * @return the value
	 */
	public static double value(String exposition, String series) {
		return samples(exposition).getOrDefault(series, 0.0);
	}

}
