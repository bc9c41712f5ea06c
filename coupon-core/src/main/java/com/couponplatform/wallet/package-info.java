/**
 * A user's coupons, read from the user's own shard.
 */
package com.couponplatform.wallet;
