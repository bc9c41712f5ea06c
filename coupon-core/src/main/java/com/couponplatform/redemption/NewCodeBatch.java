package com.couponplatform.redemption;

import java.time.Instant;

/**
 * What an operator asks of a batch, parsed but not yet checked against the rules.
 *
 * @param templateId the template whose coupon a redemption issues
 * @param quantity codes to generate (ignored by an import)
 * @param length random symbols per code, or {@code null} for the default
 * @param prefix a prefix, or {@code null}
 * @param checkCharacter whether to end codes with a check character, or {@code null} for
 * yes
 * @param usesPerCode redemptions per code, or {@code null} for one
 * @param validFrom first redeemable instant, or {@code null} for now
 * @param validUntil when the codes stop being redeemable; {@code null}: the template's
 * end of claims
 */
public record NewCodeBatch(long templateId, long quantity, Integer length, String prefix, Boolean checkCharacter,
		Integer usesPerCode, Instant validFrom, Instant validUntil) {

}
