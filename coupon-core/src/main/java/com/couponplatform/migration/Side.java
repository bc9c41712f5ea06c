package com.couponplatform.migration;

/**
 * Where a user's coupons live while a migration runs: the legacy database (OLD) or the
 * platform's shards (NEW).
 */
public enum Side {

	OLD, NEW

}
