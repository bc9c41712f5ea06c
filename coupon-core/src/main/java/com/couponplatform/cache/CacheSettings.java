package com.couponplatform.cache;

import java.time.Duration;

/**
 * Sizes and lifetimes of one cache.
 *
 * @param localMaximumSize entries kept in each instance's L1
 * @param localTimeToLive how long an L1 entry lives: the bound on staleness if an
 * invalidation message is lost
 * @param sharedTimeToLive how long an L2 entry lives in Redis
 * @param absentTimeToLive how long an unknown ID is remembered as absent
 */
public record CacheSettings(long localMaximumSize, Duration localTimeToLive, Duration sharedTimeToLive,
		Duration absentTimeToLive) {
}
