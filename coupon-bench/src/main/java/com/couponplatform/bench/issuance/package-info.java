/**
 * The issuance benchmark: a million coupons to a million users end to end, against raw
 * multi-row inserts into the same physical tables measured in the same run.
 */
package com.couponplatform.bench.issuance;
