package com.couponplatform.shared;

import java.util.List;

/**
 * One page of a keyset-paged list, newest first, and the cursor of the next page.
 *
 * @param <T> the listed items
 * @param items the items of this page
 * @param nextCursor the next page's cursor, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
}
