package com.couponplatform.shared;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset paging by descending ID: the cursor is the last ID of the previous page, so a
 * page costs one index range scan however deep the reader goes.
 */
public final class Keyset {

	private Keyset() {
	}

	/**
	 * The exclusive upper bound a cursor stands for.
	 * @param cursor the previous page's {@code nextCursor}, or {@code null} for the first
	 * page
	 * @return the ID to read below
	 * @throws InvalidInputException for a cursor this service did not hand out
	 */
	public static long before(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return Long.MAX_VALUE;
		}
		long id = UserId.parseOrNegative(cursor);
		if (id <= 0) {
			throw new InvalidInputException("cursor", "is not a cursor returned by this endpoint");
		}
		return id;
	}

	/**
	 * The page size asked for.
	 * @param limit the requested size, or {@code null}
	 * @param defaultLimit the size when none is requested
	 * @param maxLimit the largest size allowed
	 * @return the size
	 * @throws InvalidInputException when the size is out of range
	 */
	public static int limit(Integer limit, int defaultLimit, int maxLimit) {
		int size = (limit != null) ? limit : defaultLimit;
		if (size < 1 || size > maxLimit) {
			throw new InvalidInputException("limit", "must be between 1 and " + maxLimit);
		}
		return size;
	}

	/**
	 * Cuts a page out of rows read with a limit one above the page size: the extra row
	 * only tells that there is a next page, without a second query.
	 * @param <T> the listed items
	 * @param rows up to {@code size + 1} rows, newest first
	 * @param size the page size
	 * @param id the keyset ID of a row
	 * @return the page and its next cursor
	 */
	public static <T> Page<T> page(List<T> rows, int size, ToLongFunction<T> id) {
		if (rows.size() <= size) {
			return new Page<>(rows, null);
		}
		List<T> page = rows.subList(0, size);
		return new Page<>(page, Long.toString(id.applyAsLong(page.get(size - 1))));
	}

}
