/**
 * The code benchmark: generating a million codes against raw multi-row inserts of the
 * same rows, and redemption throughput and open-loop latency against the no-op endpoint.
 */
package com.couponplatform.bench.redemption;
