package com.couponplatform.phasemachine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.identifier.SnowflakeIdGenerator;
import com.couponplatform.migration.Phase;
import com.couponplatform.migration.RunningJobs;
import com.couponplatform.replication.Backfill;
import com.couponplatform.replication.Verifications;

/**
 * The preconditions a transition is checked against before its work begins, in code
 * (docs/migration.md lists each by name): on request, in a dry run, and again by the
 * worker that runs it. The preconditions that only the work can establish (a checksum
 * recorded, a window watched, a copy compared) are the work's own
 * ({@link TransitionWorks}).
 */
final class TransitionChecks {

	/** The last phase this build can enter; the later ones come with the next steps. */
	static final Phase LAST_BUILT = Phase.VERIFIED;

	private final JdbcClient global;

	private final OldDatabase old;

	private final StaticChecksum checksum;

	private final Clock clock;

	private final Verifications verifications;

	TransitionChecks(DataSource global, OldDatabase old, StaticChecksum checksum, Clock clock) {
		this.global = JdbcClient.create(global);
		this.old = old;
		this.checksum = checksum;
		this.clock = clock;
		this.verifications = new Verifications(global);
	}

	/**
	 * @param from the phase now
	 * @param to the phase asked for: one step forward or the rollback
	 * @return every precondition of the transition, checked now
	 */
	List<Precondition> entry(Phase from, Phase to) {
		List<Precondition> checked = new ArrayList<>();
		if (from.compareTo(LAST_BUILT) >= 0 && to.compareTo(from) > 0 || from.compareTo(LAST_BUILT) > 0) {
			checked.add(Precondition.of("transition-available", false, from + " → " + to
					+ " is not built yet: this version of the platform runs the migration up to " + LAST_BUILT));
			return checked;
		}
		boolean forward = to.compareTo(from) > 0;
		if (!forward) {
			return checked;
		}
		if (to == Phase.STATIC_FROZEN) {
			checked.add(none("no-issuance-job-running", "issuance jobs", RunningJobs.ISSUANCE_JOBS));
			checked.add(none("no-code-batch-running", "code batches", RunningJobs.CODE_BATCHES));
		}
		else {
			checked.add(this.checksum.unchanged());
		}
		if (to == Phase.SINGLE_WRITE_OLD) {
			checked.add(idsBelowFloor());
		}
		if (to == Phase.STATIC_COPIED) {
			checked.add(noTemplateIdCollision());
		}
		if (to == Phase.VERIFIED) {
			checked.addAll(verified());
		}
		return checked;
	}

	/**
	 * VERIFIED: the backfill is complete, and the last two verification runs over every
	 * user, both requested after it completed, were clean.
	 */
	private List<Precondition> verified() {
		Backfill.Progress backfill = Backfill.progress(this.global);
		Instant completed = Backfill.completedAt(this.global).orElse(null);
		int clean = this.verifications.cleanRunsInARow(completed);
		return List.of(
				Precondition.of("backfill-complete", backfill.status() == Backfill.Status.COMPLETE,
						"backfill " + backfill.status() + ": " + backfill.usersMigrated() + " of "
								+ backfill.usersTotal() + " users, " + backfill.rowsCopied() + " rows"),
				Precondition.of("two-clean-verifications", completed != null && clean >= 2,
						clean + " clean verification runs over every user in a row since the backfill completed"
								+ ((completed != null) ? " (" + completed + ")" : "") + "; 2 needed"));
	}

	/**
	 * Decision 2: legacy templates keep their IDs in NEW, so none may be taken already.
	 */
	private Precondition noTemplateIdCollision() {
		List<Long> legacy = this.old.sql().sql("SELECT id FROM t_coupon_template").query(Long.class).list();
		List<Long> taken = new ArrayList<>();
		for (int from = 0; from < legacy.size(); from += 1000) {
			taken.addAll(this.global
				.sql("SELECT id FROM coupon_template WHERE id IN (:ids) AND id NOT IN "
						+ "(SELECT template_id FROM migration_template_legacy) ORDER BY id")
				.param("ids", legacy.subList(from, Math.min(legacy.size(), from + 1000)))
				.query(Long.class)
				.list());
		}
		return Precondition.of("no-template-id-collision", taken.isEmpty(),
				taken.isEmpty() ? "no template of NEW's own has a legacy template's ID"
						: "NEW's own templates hold legacy template IDs: " + taken);
	}

	private Precondition none(String name, String what, String sql) {
		List<Long> running = this.global.sql(sql + " ORDER BY id LIMIT 10").query(Long.class).list();
		return Precondition.of(name, running.isEmpty(),
				running.isEmpty() ? "no " + what + " running" : what + " running: " + running);
	}

	/** Decision 2: from SINGLE_WRITE_OLD on the gateway inserts generator IDs. */
	private Precondition idsBelowFloor() {
		long floor = SnowflakeIdGenerator.floorAt(this.clock.instant());
		List<String> largest = new ArrayList<>();
		List<String> above = new ArrayList<>();
		for (String table : List.of("t_user_coupon", "t_coupon_use_log")) {
			long max = this.old.sql().sql("SELECT COALESCE(MAX(id), 0) FROM " + table).query(Long.class).single();
			largest.add(table + " " + max);
			if (max >= floor) {
				above.add(table + " " + max);
			}
		}
		return Precondition.of("legacy-ids-below-generator-floor", above.isEmpty(),
				above.isEmpty() ? "largest IDs " + String.join(", ", largest) + " below the generator's floor " + floor
						: "IDs at or above the generator's floor " + floor + ": " + String.join(", ", above));
	}

}
