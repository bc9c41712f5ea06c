/**
 * The HTTP load generator the benchmarks share: closed loop for peak rates, open loop (no
 * coordinated omission) for latency, HdrHistogram for both, and the HS256 user tokens the
 * calls carry.
 */
package com.couponplatform.bench.load;
