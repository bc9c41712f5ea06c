package com.couponplatform.replication;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.legacy.LegacyCode;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.LegacyUseLog;
import com.couponplatform.migration.Epoch;
import com.couponplatform.migration.MigrationEpochs;
import com.couponplatform.migration.MigrationFaults;
import com.couponplatform.migration.Phase;

/**
 * The backfill (BACKFILL): the worker's threads take the plan's ranges one at a time
 * under a lease and copy them in key order — each user of a range whole
 * ({@link UserCopy}, under the user's copy lock, so it and the applier never copy one
 * user at once), each use-log row and code state of theirs — checkpointing after every
 * batch, so a killed worker's range is taken over once its lease expires and resumes
 * after its last checkpoint. Everything it writes it would write again the same, so the
 * batch after a checkpoint may run twice. It keeps to a rows-per-second limit and pauses
 * while the applier lags: live changes come first.
 */
final class BackfillRunner {

	private static final Logger logger = LoggerFactory.getLogger(BackfillRunner.class);

	private final JdbcClient global;

	private final OldDatabase old;

	private final MigrationEpochs epochs;

	private final UserCopy users;

	private final UseLogCopy useLogs;

	private final CodeStateCopy codes;

	private final BackfillProperties settings;

	private final MigrationFaults faults;

	private final String worker;

	private final Throttle throttle;

	private final long pollMillis;

	/** The lease of what a worker holds, as SQL: renewed at every checkpoint. */
	private final String lease;

	BackfillRunner(JdbcClient global, OldDatabase old, MigrationEpochs epochs, UserCopy users, UseLogCopy useLogs,
			CodeStateCopy codes, BackfillProperties settings, MigrationFaults faults, String worker, long pollMillis,
			Duration lease) {
		this.global = global;
		this.old = old;
		this.epochs = epochs;
		this.users = users;
		this.useLogs = useLogs;
		this.codes = codes;
		this.settings = settings;
		this.faults = faults;
		this.worker = worker;
		this.throttle = new Throttle(settings.getRowsPerSecond());
		this.pollMillis = pollMillis;
		this.lease = "INTERVAL " + lease.toMillis() * 1000 + " MICROSECOND";
	}

	/**
	 * Takes one range that is free (never taken, or its holder's lease expired) and
	 * copies it to its end.
	 * @return whether a range was copied
	 */
	boolean copyOneRange() throws InterruptedException {
		Epoch epoch = this.epochs.writable();
		if (epoch.phase() != Phase.BACKFILL) {
			return false;
		}
		Optional<Range> taken = take();
		if (taken.isEmpty()) {
			complete();
			return false;
		}
		Range range = taken.get();
		switch (range.kind) {
			case Backfill.USERS -> copyUsers(range, epoch);
			case Backfill.USE_LOG -> copyUseLog(range);
			default -> copyCodes(range);
		}
		return true;
	}

	private void copyUsers(Range range, Epoch epoch) throws InterruptedException {
		long cursor = range.cursorId;
		while (running(epoch)) {
			List<Long> batch = this.old.sql()
				.sql("SELECT DISTINCT uid FROM t_user_coupon WHERE uid > ? AND uid <= ? ORDER BY uid LIMIT ?")
				.params(cursor, range.toId, this.settings.getBatchSize())
				.query(Long.class)
				.list();
			long rows = 0;
			long heldBack = 0;
			for (long userId : batch) {
				Optional<UserCopy.Outcome> outcome = this.users.copy(userId, epoch.number(),
						() -> this.faults.reached(MigrationFaults.BACKFILL_MID_USER));
				if (outcome.isPresent()) {
					rows += outcome.get().rows();
					heldBack += outcome.get().issues().stream().filter((issue) -> issue.kind().blocking()).count();
				}
			}
			cursor = batch.isEmpty() ? range.toId : batch.get(batch.size() - 1);
			if (!checkpoint(range, cursor, "", batch.size(), rows, heldBack,
					batch.size() < this.settings.getBatchSize()) || batch.size() < this.settings.getBatchSize()) {
				return;
			}
			this.throttle.took(rows);
		}
	}

	private void copyUseLog(Range range) throws InterruptedException {
		long cursor = range.cursorId;
		int size = this.settings.getBatchSize() * 10;
		while (running(null)) {
			List<LegacyUseLog> batch = this.old.sql()
				.sql("SELECT * FROM t_coupon_use_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")
				.params(cursor, range.toId, size)
				.query(LegacyRowMappers.USE_LOG)
				.list();
			long heldBack = batch.isEmpty() ? 0 : this.useLogs.write(batch).size();
			cursor = batch.isEmpty() ? range.toId : batch.get(batch.size() - 1).id();
			if (!checkpoint(range, cursor, "", 0, batch.size(), heldBack, batch.size() < size) || batch.size() < size) {
				return;
			}
			this.throttle.took(batch.size());
		}
	}

	private void copyCodes(Range range) throws InterruptedException {
		String cursor = range.cursorCode;
		int size = this.settings.getBatchSize() * 10;
		while (running(null)) {
			List<LegacyCode> batch = this.old.sql()
				.sql("SELECT * FROM t_coupon_code WHERE code > ? ORDER BY code LIMIT ?")
				.params(cursor, size)
				.query(LegacyRowMappers.CODE)
				.list();
			long copied = 0;
			for (LegacyCode code : batch) {
				if (this.codes.copy(code)) {
					copied++;
				}
			}
			cursor = batch.isEmpty() ? cursor : batch.get(batch.size() - 1).code();
			if (!checkpoint(range, 0, cursor, 0, batch.size(), batch.size() - copied, batch.size() < size)
					|| batch.size() < size) {
				return;
			}
			this.throttle.took(batch.size());
		}
	}

	/**
	 * Whether to go on: still BACKFILL (a rollback stops the copy), and the applier keeps
	 * up.
	 */
	private boolean running(Epoch started) throws InterruptedException {
		while (true) {
			Epoch now = this.epochs.writable();
			if (now.phase() != Phase.BACKFILL || (started != null && now.number() != started.number())) {
				return false;
			}
			if (Backlog.toNew(this.old.sql()).lagMillis() <= this.settings.getMaxLag().toMillis()) {
				return true;
			}
			TimeUnit.MILLISECONDS.sleep(this.pollMillis);
		}
	}

	/**
	 * Records a batch: where the range stands and what it copied, renewing the lease.
	 * @return whether this worker still holds the range (a lease lost means another
	 * worker has it now: stop)
	 */
	private boolean checkpoint(Range range, long cursorId, String cursorCode, long users, long rows, long heldBack,
			boolean done) {
		boolean held = this.global
			.sql("UPDATE migration_backfill_range SET cursor_id = ?, cursor_code = ?, users_copied = users_copied + ?, "
					+ "rows_copied = rows_copied + ?, held_back = held_back + ?, status = ?, lease_until = NOW(3) + "
					+ this.lease + ", updated_at = NOW(3) WHERE id = ? AND worker = ? AND status = 'RUNNING'")
			.params(cursorId, cursorCode, users, rows, heldBack, done ? "DONE" : "RUNNING", range.id, this.worker)
			.update() == 1;
		if (held) {
			this.faults.reached(MigrationFaults.BACKFILL_AFTER_CHECKPOINT);
		}
		else {
			logger.warn("Backfill range {} was taken over by another worker; leaving it", range.id);
		}
		return held;
	}

	private Optional<Range> take() {
		List<Range> free = this.global.sql(
				"SELECT id, kind, to_id, cursor_id, cursor_code FROM migration_backfill_range WHERE status = 'PENDING' "
						+ "OR (status = 'RUNNING' AND lease_until < NOW(3)) ORDER BY id")
			.query((rs, n) -> new Range(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5)))
			.list();
		for (Range range : free) {
			if (this.global
				.sql("UPDATE migration_backfill_range SET status = 'RUNNING', worker = ?, lease_until = NOW(3) + "
						+ this.lease
						+ ", updated_at = NOW(3) WHERE id = ? AND (status = 'PENDING' OR (status = 'RUNNING' AND "
						+ "lease_until < NOW(3)))")
				.params(this.worker, range.id)
				.update() == 1) {
				logger.info("Backfill range {} ({}) taken from {}", range.id, range.kind,
						range.kind.equals(Backfill.CODES) ? "'" + range.cursorCode + "'" : range.cursorId);
				return Optional.of(range);
			}
		}
		return Optional.empty();
	}

	/** Once every range is done, the backfill is complete. */
	private void complete() {
		boolean open = this.global.sql("SELECT COUNT(*) FROM migration_backfill WHERE id = 1 AND finished_at IS NULL")
			.query(Long.class)
			.single() == 1;
		boolean allDone = this.global.sql("SELECT COUNT(*) FROM migration_backfill_range WHERE status <> 'DONE'")
			.query(Long.class)
			.single() == 0;
		if (open && allDone) {
			this.faults.reached(MigrationFaults.BACKFILL_COPIED);
			if (this.global
				.sql("UPDATE migration_backfill SET finished_at = NOW(3) WHERE id = 1 AND finished_at IS NULL")
				.update() == 1) {
				logger.info("Backfill complete: {}", Backfill.progress(this.global));
			}
		}
	}

	private record Range(int id, String kind, long toId, long cursorId, String cursorCode) {
	}

}
