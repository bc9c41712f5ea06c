package com.couponplatform.redemption;

import java.time.Instant;

/**
 * A {@code code_batch} row.
 *
 * @param id the batch ID
 * @param templateId the template whose coupon a redemption issues
 * @param source generated or imported
 * @param status where it is
 * @param quantity codes asked for, or distinct new codes imported
 * @param length random symbols per generated code, {@code null} for imports
 * @param prefix normalised prefix of generated codes, empty for none
 * @param checkCharacter whether generated codes end with a check character
 * @param usesPerCode redemptions each code allows (by different users)
 * @param validFrom first instant a code is redeemable
 * @param validUntil instant the codes stop being redeemable
 * @param generated codes stored
 * @param collisions random draws that hit an existing code and were drawn again
 * @param duplicates imported lines whose code was already stored or repeated
 * @param rejected imported lines that were not a well-formed code
 * @param reserved units taken from the template's stock (codes x uses)
 * @param redeemed coupons redemptions issued
 * @param returned units given back to the template when the batch ended
 * @param createdBy the operator
 * @param createdAt when it was created
 * @param finishedAt when its codes were complete
 * @param updatedAt when it last changed
 */
public record CodeBatch(long id, long templateId, CodeBatchSource source, CodeBatchStatus status, long quantity,
		Integer length, String prefix, boolean checkCharacter, int usesPerCode, Instant validFrom, Instant validUntil,
		long generated, long collisions, long duplicates, long rejected, long reserved, long redeemed, long returned,
		String createdBy, Instant createdAt, Instant finishedAt, Instant updatedAt) {

	/**
	 * Uses neither redeemed nor given back (an ACTIVE batch's past-due codes' included).
	 * @return codes stored x uses per code − coupons redeemed − units returned
	 */
	public long remaining() {
		return Math.max(0, this.generated * this.usesPerCode - this.redeemed - this.returned);
	}

	/**
	 * Whether its codes may be redeemed at an instant.
	 * @param now the instant
	 * @return ACTIVE and inside the window
	 */
	public boolean isRedeemableAt(Instant now) {
		return this.status == CodeBatchStatus.ACTIVE && !now.isBefore(this.validFrom) && now.isBefore(this.validUntil);
	}

	/**
	 * The shape of its generated codes, for the check-character test.
	 * @return the shape, or {@code null} for imported codes
	 */
	public CodeShape shape() {
		return (this.source == CodeBatchSource.GENERATED) ? new CodeShape(this.prefix, this.length, this.checkCharacter)
				: null;
	}

}
