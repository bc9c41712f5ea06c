package com.couponplatform.legacy;

import java.time.LocalDateTime;

/**
 * One row of the legacy {@code t_coupon_code}: a code as typed (mixed case, dashes), its
 * template and batch, and whether it was exchanged.
 *
 * @param code the code as stored
 * @param tplId the template it gives
 * @param batchNo the monolith's batch label
 * @param state 0 new, 1 exchanged, 2 void
 * @param uid who exchanged it, or {@code null}
 * @param exchangeTime when, local, or {@code null}
 */
public record LegacyCode(String code, long tplId, String batchNo, int state, Long uid, LocalDateTime exchangeTime) {

	/** Not exchanged yet. */
	public static final int NEW = 0;

	/** Exchanged for a coupon. */
	public static final int EXCHANGED = 1;

	/** Voided by operations. */
	public static final int VOID = 2;

	/**
	 * The row the verifier compares; its static part {@code (code, tpl_id, batch_no)} is
	 * what the freeze checksum covers.
	 * @return the canonical row
	 */
	public CanonicalRow canonical() {
		return CanonicalRow.of("t_coupon_code", this.code)
			.column("tpl_id", this.tplId)
			.column("batch_no", this.batchNo)
			.column("state", this.state)
			.column("uid", this.uid)
			.column("exchange_time", this.exchangeTime)
			.build();
	}

}
