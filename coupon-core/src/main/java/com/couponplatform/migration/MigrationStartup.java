package com.couponplatform.migration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a process checks before it serves, against the migration's row (decision 4): a
 * process with a legacy database begins a migration only while NEW holds no user's data
 * and no job runs, and joins only the migration of that same database; a process without
 * one refuses to start while a migration is underway, since it would write NEW for users
 * whose coupons are in OLD.
 */
final class MigrationStartup {

	/**
	 * NEW's tables of users' own data, and the jobs that write them: any row here means
	 * the platform already serves users from NEW, whose data a legacy start would hide.
	 */
	private static final List<Probe> DYNAMIC_DATA = List.of(
			new Probe("user coupons", "SELECT id FROM user_coupon LIMIT 1"),
			new Probe("order locks", "SELECT order_id FROM coupon_order LIMIT 1"),
			new Probe("code redemptions", "SELECT user_id FROM code_redemption LIMIT 1"),
			new Probe("running issuance jobs", RunningJobs.ISSUANCE_JOBS + " LIMIT 1"),
			new Probe("running code batches", RunningJobs.CODE_BATCHES + " LIMIT 1"));

	private final MigrationState state;

	private final JdbcClient platform;

	private final Clock clock;

	MigrationStartup(MigrationState state, DataSource platform, Clock clock) {
		this.state = state;
		this.platform = JdbcClient.create(platform);
		this.clock = clock;
	}

	/**
	 * The epoch this process starts under.
	 * @param legacyDatabase the configured legacy database, or {@code null}
	 * @param by who starts (the process's name, recorded when it begins the migration)
	 * @return the epoch
	 * @throws MigrationStartupRefusedException when the process must not start
	 */
	Epoch check(String legacyDatabase, String by) {
		Optional<MigrationState.Stored> stored = this.state.read();
		if (legacyDatabase == null) {
			if (stored.isPresent() && stored.get().phase() != Phase.DUAL_WRITE_OFF) {
				throw new MigrationStartupRefusedException(
						"a migration from the legacy database '" + stored.get().legacyDatabase()
								+ "' is underway (phase " + stored.get().phase() + " since " + stored.get().enteredAt()
								+ "), and this process has no legacy database configured",
						"Set COUPON_LEGACY_DB_NAME=" + stored.get().legacyDatabase()
								+ " (and its COUPON_LEGACY_DB_* server) like the platform's other processes. "
								+ "A migration still in phase LEGACY, which has copied nothing, can be abandoned "
								+ "with ./deploy/migrate.sh abandon.");
			}
			return Epoch.NONE;
		}
		if (stored.isEmpty()) {
			List<String> found = new ArrayList<>();
			for (Probe probe : DYNAMIC_DATA) {
				if (this.platform.sql(probe.sql).query().listOfRows().size() > 0) {
					found.add(probe.what);
				}
			}
			if (!found.isEmpty()) {
				throw new MigrationStartupRefusedException("the legacy database '" + legacyDatabase
						+ "' is configured, but the platform's own databases already hold " + String.join(", ", found),
						"A migration starts from a platform that serves nobody yet: point COUPON_DB_PREFIX at "
								+ "databases without users' data and wait for running jobs to end, or unset "
								+ "COUPON_LEGACY_DB_NAME.");
			}
			stored = Optional.of(this.state.begin(legacyDatabase, this.clock.instant(), by));
		}
		if (!stored.get().legacyDatabase().equals(legacyDatabase)) {
			throw new MigrationStartupRefusedException(
					"the legacy database '" + legacyDatabase + "' is configured, but the migration underway moves '"
							+ stored.get().legacyDatabase() + "'",
					"Set COUPON_LEGACY_DB_NAME=" + stored.get().legacyDatabase() + " like the platform's other "
							+ "processes.");
		}
		return stored.get().epoch();
	}

	private record Probe(String what, String sql) {
	}

}
