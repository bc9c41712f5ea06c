/**
 * The cost of routing a user to their shard, against the bare CRC32 it is built on.
 */
package com.couponplatform.bench.routing;
