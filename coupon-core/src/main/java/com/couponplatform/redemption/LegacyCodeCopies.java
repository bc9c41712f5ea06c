package com.couponplatform.redemption;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * NEW's copies of the legacy codes (the static copy, decision 6): each legacy
 * {@code (batch_no, tpl_id)} an IMPORTED batch, ACTIVE, one use per code, its window the
 * template's, its reserved units the codes not yet exchanged; written again without
 * duplicates, read back to be compared with OLD, removed by the copy's rollback.
 */
@Component
public class LegacyCodeCopies {

	private final CodeBatchMapper batches;

	private final CodeStore codes;

	LegacyCodeCopies(CodeBatchMapper batches, CodeStore codes) {
		this.batches = batches;
		this.codes = codes;
	}

	/**
	 * Writes a batch unless it exists.
	 * @param batchId its ID (the mapping of its legacy batch)
	 * @param templateId the template its codes give
	 * @param validFrom its window's start
	 * @param validUntil its window's end
	 * @param codes codes stored
	 * @param reserved codes still redeemable
	 * @param actor who copies
	 * @param now the instant
	 */
	public void insertBatchIfAbsent(long batchId, long templateId, Instant validFrom, Instant validUntil, long codes,
			long reserved, String actor, Instant now) {
		if (this.batches.find(batchId) != null) {
			return;
		}
		this.batches.insert(new CodeBatch(batchId, templateId, CodeBatchSource.IMPORTED, CodeBatchStatus.ACTIVE, codes,
				null, "", false, 1, validFrom, validUntil, codes, 0, 0, 0, reserved, 0, 0, actor, now, now, now));
	}

	/**
	 * Stores codes that are not stored yet, of any copied batches, in bulk.
	 * @param codes the codes, normalised, each with its batch and its uses left (1 still
	 * redeemable, 0 used or void)
	 * @param now the instant
	 * @return how many were stored now
	 */
	public int insertCodes(Collection<CodeStore.StoredCode> codes, Instant now) {
		return codes.isEmpty() ? 0 : this.codes.insert(codes, now);
	}

	/**
	 * @param batchIds copied batches
	 * @return their codes, each with its batch
	 */
	public Map<String, Long> codes(Collection<Long> batchIds) {
		Map<String, Long> stored = new HashMap<>();
		this.codes.forEachOf(batchIds, stored::put);
		return stored;
	}

	/**
	 * Removes a copied batch and its codes.
	 * @param batchId the batch
	 */
	public void delete(long batchId) {
		this.codes.delete(batchId);
		this.batches.delete(batchId);
	}

}
