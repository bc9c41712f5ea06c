package com.couponplatform.migration;

/**
 * The epochs of a platform in front of a legacy database, as the global database stores
 * them. Until the phase machine (Migration 4) moves them, the epoch read at start-up
 * stays current, and a refresh reads the stored row again.
 */
final class StoredEpochs implements MigrationEpochs {

	private final MigrationState state;

	private volatile Epoch current;

	StoredEpochs(MigrationState state, Epoch current) {
		this.state = state;
		this.current = current;
	}

	@Override
	public Epoch current() {
		return this.current;
	}

	@Override
	public Epoch refresh() {
		this.current = this.state.read().map(MigrationState.Stored::epoch).orElse(Epoch.NONE);
		return this.current;
	}

}
