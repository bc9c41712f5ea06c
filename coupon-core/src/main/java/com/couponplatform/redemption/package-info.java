/**
 * Marketing codes: batches generated (unguessable, Crockford base32, optional prefix and
 * check character) or imported, stored sharded by the normalised code, exported as CSV;
 * and their redemption — one use taken in the code's shard, the coupon written in the
 * user's shard, the gap between the two closed by an outbox.
 */
package com.couponplatform.redemption;
