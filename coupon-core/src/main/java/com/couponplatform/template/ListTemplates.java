package com.couponplatform.template;

import java.util.List;

import org.springframework.stereotype.Service;

import com.couponplatform.shared.Keyset;
import com.couponplatform.shared.Page;

/**
 * The back office lists templates, newest first, optionally by status.
 */
@Service
public class ListTemplates {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	private final TemplateMapper templates;

	ListTemplates(TemplateMapper templates) {
		this.templates = templates;
	}

	/**
	 * One page of templates.
	 * @param status only templates in this status, or {@code null} for all
	 * @param cursor the previous page's {@code nextCursor}, or {@code null}
	 * @param limit page size, or {@code null} for {@value #DEFAULT_LIMIT}
	 * @return the page
	 */
	public Page<CouponTemplate> list(TemplateStatus status, String cursor, Integer limit) {
		int size = Keyset.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
		List<CouponTemplate> rows = this.templates
			.findPage((status != null) ? status.name() : null, Keyset.before(cursor), size + 1)
			.stream()
			.map(TemplateRow::toTemplate)
			.toList();
		return Keyset.page(rows, size, CouponTemplate::id);
	}

}
