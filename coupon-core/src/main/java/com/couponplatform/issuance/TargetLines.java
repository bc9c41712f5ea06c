package com.couponplatform.issuance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A job's input as lines, read one at a time: a JSON list of user IDs, or a CSV upload
 * whose first column is the user ID (an optional header line is skipped). The input is
 * never held whole in memory.
 */
public abstract class TargetLines implements Iterator<String> {

	/**
	 * @param userIds the user IDs as sent
	 * @return the lines, numbered from 1 by position
	 */
	public static TargetLines of(List<String> userIds) {
		Iterator<String> values = userIds.iterator();
		return new TargetLines() {

			@Override
			public boolean hasNext() {
				return values.hasNext();
			}

			@Override
			public String next() {
				String value = values.next();
				return (value != null) ? value : "";
			}

		};
	}

	/**
	 * @param csv the upload, read line by line
	 * @return the lines' first columns, numbered from 1 by line
	 */
	public static TargetLines ofCsv(Reader csv) {
		BufferedReader reader = new BufferedReader(csv);
		return new TargetLines() {

			private String next = read();

			@Override
			public boolean hasNext() {
				return this.next != null;
			}

			@Override
			public String next() {
				if (this.next == null) {
					throw new NoSuchElementException();
				}
				String line = this.next;
				this.next = read();
				int comma = line.indexOf(',');
				return ((comma >= 0) ? line.substring(0, comma) : line).strip().replace("\"", "");
			}

			private String read() {
				try {
					return reader.readLine();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

		};
	}

	/**
	 * Whether a first line is a header rather than a bad user ID.
	 * @param first the first line's first column
	 * @return true for a name such as {@code userId} or {@code user_id}
	 */
	static boolean isHeader(String first) {
		return first.replaceAll("[^A-Za-z]", "").equalsIgnoreCase("userid");
	}

}
