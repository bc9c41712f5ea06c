package com.couponplatform.sharding;

/**
 * Thrown at start-up when the configured N and M differ from the ones the installation
 * was created with: changing them is a resharding, never a setting.
 */
public class ShardingLayoutMismatchException extends IllegalStateException {

	public ShardingLayoutMismatchException(String globalDatabase, ShardingLayout recorded, ShardingLayout configured) {
		super("The database " + globalDatabase + " was created with " + recorded
				+ " but this process is configured with " + configured + ". Set COUPON_SHARDING_DATABASES="
				+ recorded.databases() + " and COUPON_SHARDING_TABLES=" + recorded.tables()
				+ " (changing them requires a resharding migration).");
	}

}
