/**
 * The multi-level cache: Caffeine in each instance, Redis shared by all, the database
 * behind both, kept coherent by versioned invalidation over Redis pub/sub.
 */
package com.couponplatform.cache;
