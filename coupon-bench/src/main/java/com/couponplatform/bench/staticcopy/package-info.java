/**
 * The static copy's benchmark: STATIC_COPIED's copy against a client-side multi-row
 * insert of the same mapped rows.
 */
package com.couponplatform.bench.staticcopy;
