package com.couponplatform.legacy;

/**
 * One row of the legacy {@code t_coupon_scope}: a good or a category a template's scope
 * lists.
 *
 * @param id row ID
 * @param templateId the template
 * @param refType 1 goods, 2 category
 * @param refId the good's or category's ID
 */
public record LegacyScopeRef(long id, long templateId, int refType, String refId) {

	/** A listed good (SKU). */
	public static final int GOODS = 1;

	/** A listed category. */
	public static final int CATEGORY = 2;

	/**
	 * The row the verifier compares: the reference without its AUTO_INCREMENT ID, which
	 * the platform does not keep (a template's references are a set).
	 * @return the canonical row
	 */
	public CanonicalRow canonical() {
		return CanonicalRow.of("t_coupon_scope", this.templateId + "/" + this.refType + "/" + this.refId)
			.column("template_id", this.templateId)
			.column("ref_type", this.refType)
			.column("ref_id", this.refId)
			.build();
	}

}
