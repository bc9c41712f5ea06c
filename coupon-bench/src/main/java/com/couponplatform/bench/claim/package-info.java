/**
 * The claim benchmark: an open-loop HTTP load generator against a running coupon-api,
 * with its baselines (the raw EVALSHA rate of the claim script, a no-op endpoint, a
 * Redisson-lock gate) measured in the same run.
 */
package com.couponplatform.bench.claim;
