package com.couponplatform.legacy;

import java.util.List;

/**
 * What the mapping made of a row: the other model's value with the issues it reported, or
 * no value because a blocking issue would have meant inventing one.
 *
 * @param <T> the mapped value
 */
public sealed interface Mapping<T> permits Mapping.Mapped, Mapping.Unmappable {

	/**
	 * The issues found in the row, blocking or not.
	 * @return the issues, possibly none
	 */
	List<DataIssue> issues();

	/**
	 * The row was mapped.
	 *
	 * @param <T> the value
	 * @param value the mapped value
	 * @param issues quirks reported and kept as they are
	 */
	record Mapped<T>(T value, List<DataIssue> issues) implements Mapping<T> {

		public Mapped {
			issues = List.copyOf(issues);
		}

	}

	/**
	 * The row could not be mapped without inventing a value.
	 *
	 * @param <T> the value it would have been
	 * @param issues at least one blocking issue
	 */
	record Unmappable<T>(List<DataIssue> issues) implements Mapping<T> {

		public Unmappable {
			issues = List.copyOf(issues);
			if (issues.stream().noneMatch((issue) -> issue.kind().blocking())) {
				throw new IllegalArgumentException("an unmappable row needs a blocking issue");
			}
		}

	}

	/**
	 * The mapped value or, for an unmappable row, the reason.
	 * @return the value
	 * @throws IllegalStateException when the row is unmappable
	 */
	default T orElseThrow() {
		if (this instanceof Mapped<T> mapped) {
			return mapped.value();
		}
		throw new IllegalStateException("not mapped: " + issues());
	}

	static <T> Mapping<T> of(T value, List<DataIssue> issues) {
		return issues.stream().anyMatch((issue) -> issue.kind().blocking()) ? new Unmappable<>(issues)
				: new Mapped<>(value, issues);
	}

}
