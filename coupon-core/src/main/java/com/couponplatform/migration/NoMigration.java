package com.couponplatform.migration;

/**
 * The epochs of a platform with no legacy database: phase NONE, never changing, so no
 * write reads a fence.
 */
final class NoMigration implements MigrationEpochs {

	@Override
	public Epoch current() {
		return Epoch.NONE;
	}

	@Override
	public Epoch refresh() {
		return Epoch.NONE;
	}

}
