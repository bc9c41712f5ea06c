package com.couponplatform.redemption;

import java.util.function.BiConsumer;

import org.springframework.stereotype.Service;

import com.couponplatform.shared.Keyset;
import com.couponplatform.shared.Page;

/**
 * Reads a code batch and exports its codes.
 */
@Service
public class ReadCodeBatch {

	private final CodeBatchMapper batches;

	private final CodeStore codes;

	ReadCodeBatch(CodeBatchMapper batches, CodeStore codes) {
		this.batches = batches;
		this.codes = codes;
	}

	/**
	 * @param id the batch
	 * @return the batch with its counters
	 * @throws CodeBatchNotFoundException when there is none, or it is still being
	 * imported
	 */
	public CodeBatch read(long id) {
		CodeBatch batch = this.batches.find(id);
		if (batch == null || batch.status() == CodeBatchStatus.IMPORTING) {
			throw new CodeBatchNotFoundException(id);
		}
		return batch;
	}

	/**
	 * The batches, newest first.
	 * @param cursor the previous page's {@code nextCursor}, or {@code null}
	 * @param limit the page size
	 * @return a page of batches
	 */
	public Page<CodeBatch> list(String cursor, int limit) {
		return Keyset.page(this.batches.findBefore(Keyset.before(cursor), limit + 1), limit, CodeBatch::id);
	}

	/**
	 * Walks the batch's codes with their uses left, shard table by shard table.
	 * @param id the batch
	 * @param each receives each code and its uses left
	 */
	public void export(long id, BiConsumer<String, Integer> each) {
		this.codes.forEach(id, each);
	}

}
