/**
 * Directed issuance: a back-office job sends one template's coupon to a list of users —
 * intake into target rows, stock reserved up front, a publisher that sends the targets
 * over RocketMQ grouped by shard, and writers that insert them as multi-row inserts per
 * physical table, exactly one coupon per job and user.
 */
package com.couponplatform.issuance;
