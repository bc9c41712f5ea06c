package com.couponplatform.legacy;

/**
 * A legacy code batch: the codes of one {@code (batch_no, tpl_id)}, which become one
 * IMPORTED code batch of the platform (decision 6).
 *
 * @param batchNo the monolith's batch label
 * @param tplId the template its codes give
 */
public record LegacyCodeBatch(String batchNo, long tplId) {

}
