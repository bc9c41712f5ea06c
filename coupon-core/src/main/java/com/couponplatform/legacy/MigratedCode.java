package com.couponplatform.legacy;

import java.time.Instant;

/**
 * A legacy code in the platform's model: a one-use code of an IMPORTED code batch
 * (decision 6), with the user who exchanged it, if anyone did.
 *
 * @param code the normalised code, as stored and sharded
 * @param batchId the platform's batch for the legacy {@code (batch_no, tpl_id)}
 * @param usesLeft 1 while it can be redeemed, else 0
 * @param redeemedBy who exchanged it, or {@code null}
 * @param redeemedAt when, or {@code null}
 * @param codeAsTyped the code as the legacy table holds it (mixed case, dashes)
 */
public record MigratedCode(String code, long batchId, int usesLeft, Long redeemedBy, Instant redeemedAt,
		String codeAsTyped) {

}
