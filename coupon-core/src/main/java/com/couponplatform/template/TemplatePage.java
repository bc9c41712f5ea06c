package com.couponplatform.template;

import java.util.List;

/**
 * One page of templates, newest first, and the cursor of the next page.
 *
 * @param items the templates
 * @param nextCursor the next page's cursor, or {@code null} on the last page
 */
public record TemplatePage(List<CouponTemplate> items, String nextCursor) {
}
