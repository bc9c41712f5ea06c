package com.couponplatform.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list, newest first, and the cursor of the next page.
 *
 * @param <T> the listed items
 * @param items the items of this page
 * @param nextCursor the next page's cursor, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

	/**
	 * The same page, each item shown as another.
	 * @param <R> what each item becomes
	 * @param view how an item is shown
	 * @return the page of views, with the same cursor
	 */
	public <R> Page<R> map(Function<? super T, ? extends R> view) {
		return new Page<>(this.items.stream().<R>map(view).toList(), this.nextCursor);
	}

}
