/**
 * The two-level cache: the cost of a warm read and how fast a change reaches another
 * instance.
 */
package com.couponplatform.bench.cache;
