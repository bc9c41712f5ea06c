/**
 * The backfill's and the verifier's benchmark: BACKFILL over a million generated legacy
 * coupons against a client-side multi-row insert of the same mapped rows, and a
 * verification run's rate.
 */
package com.couponplatform.bench.migrationcopy;
