package com.couponplatform.redemption;

import java.util.function.BiConsumer;

import org.springframework.stereotype.Service;

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
	 * Walks the batch's codes with their uses left, shard table by shard table.
	 * @param id the batch
	 * @param each receives each code and its uses left
	 */
	public void export(long id, BiConsumer<String, Integer> each) {
		this.codes.forEach(id, each);
	}

}
