/**
 * The Redisson client and the Redis settings.
 */
package com.couponplatform.redis;
