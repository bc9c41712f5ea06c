/**
 * The shard outage benchmark: other shards' users' latency while one shard's server is
 * frozen and killed, against the healthy phase of the same run.
 */
package com.couponplatform.bench.outage;
