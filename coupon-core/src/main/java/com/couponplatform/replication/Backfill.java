package com.couponplatform.replication;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.persistence.UtcInstants;

/**
 * The backfill's plan and progress in the global database ({@code migration_backfill},
 * {@code migration_backfill_range}): OLD's users cut into ranges of user IDs, its use log
 * into ranges of row IDs, and the codes, each range checkpointed as the worker copies it
 * ({@link BackfillRunner}).
 */
public final class Backfill {

	/** A range's kinds. */
	static final String USERS = "USERS";

	static final String USE_LOG = "USE_LOG";

	static final String CODES = "CODES";

	private final JdbcClient global;

	private final JdbcClient old;

	/**
	 * @param global the global database
	 * @param old the legacy database, or {@code null} where only progress is read
	 */
	public Backfill(JdbcClient global, JdbcClient old) {
		this.global = global;
		this.old = old;
	}

	/**
	 * Plans the backfill for an entry into BACKFILL, unless it is planned for that epoch
	 * already (the transition's work runs again after a crash). Users and use-log rows
	 * that come later are the applier's: every change copies its user.
	 * @param epoch the BACKFILL epoch
	 * @param ranges how many ranges each of users and use-log rows gets
	 * @return how many users the backfill covers
	 */
	public long plan(long epoch, int ranges) {
		Optional<Long> planned = this.global
			.sql("SELECT users_total FROM migration_backfill WHERE id = 1 AND epoch = ?")
			.param(epoch)
			.query(Long.class)
			.optional();
		if (planned.isPresent()) {
			return planned.get();
		}
		remove();
		long[] users = this.old.sql("SELECT COALESCE(MIN(uid), 0), COALESCE(MAX(uid), 0) FROM t_user_coupon")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long[] logs = this.old.sql("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM t_coupon_use_log")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		long total = this.old.sql("SELECT COUNT(DISTINCT uid) FROM t_user_coupon").query(Long.class).single();
		int id = 0;
		id = ranges(id, USERS, users[0] - 1, users[1], ranges);
		id = ranges(id, USE_LOG, logs[0] - 1, logs[1], ranges);
		insertRange(id + 1, CODES, 0, 0);
		this.global
			.sql("INSERT INTO migration_backfill (id, epoch, users_total, started_at, finished_at) "
					+ "VALUES (1, ?, ?, NOW(3), NULL)")
			.params(epoch, total)
			.update();
		return total;
	}

	/** Drops the plan and its checkpoints: a rollback to STATIC_COPIED. */
	public void remove() {
		this.global.sql("DELETE FROM migration_backfill_range").update();
		this.global.sql("DELETE FROM migration_backfill").update();
	}

	/**
	 * @return the backfill's progress; IDLE before a plan
	 */
	public Progress progress() {
		return progress(this.global);
	}

	/**
	 * @param global the global database
	 * @return the backfill's progress; IDLE before a plan
	 */
	public static Progress progress(JdbcClient global) {
		Optional<Object[]> plan = global
			.sql("SELECT users_total, started_at, finished_at, NOW(3) FROM migration_backfill WHERE id = 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), instant(rs.getObject(2, LocalDateTime.class)),
					instant(rs.getObject(3, LocalDateTime.class)), instant(rs.getObject(4, LocalDateTime.class)) })
			.optional();
		if (plan.isEmpty()) {
			return new Progress(Status.IDLE, 0, 0, 0, 0);
		}
		long[] sums = global
			.sql("SELECT COALESCE(SUM(users_copied), 0), COALESCE(SUM(rows_copied), 0) FROM migration_backfill_range")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		Instant started = (Instant) plan.get()[1];
		Instant finished = (Instant) plan.get()[2];
		Instant until = (finished != null) ? finished : (Instant) plan.get()[3];
		double seconds = Math.max(0.001, Duration.between(started, until).toMillis() / 1000.0);
		return new Progress((finished != null) ? Status.COMPLETE : Status.RUNNING, (long) plan.get()[0], sums[0],
				sums[1], Math.round(sums[1] / seconds));
	}

	/**
	 * @param global the global database
	 * @return when the backfill completed, empty while it is not complete
	 */
	public static Optional<Instant> completedAt(JdbcClient global) {
		return global.sql("SELECT finished_at FROM migration_backfill WHERE id = 1 AND finished_at IS NOT NULL")
			.query((rs, n) -> instant(rs.getObject(1, LocalDateTime.class)))
			.optional();
	}

	private int ranges(int id, String kind, long from, long to, int count) {
		long width = Math.max(1, (to - from + count - 1) / count);
		for (long lower = from; lower < to; lower += width) {
			insertRange(++id, kind, lower, Math.min(to, lower + width));
		}
		return id;
	}

	private void insertRange(int id, String kind, long from, long to) {
		this.global
			.sql("INSERT INTO migration_backfill_range (id, kind, from_id, to_id, cursor_id, cursor_code, status, "
					+ "users_copied, rows_copied, held_back, updated_at) VALUES (?, ?, ?, ?, ?, '', 'PENDING', 0, 0, 0, "
					+ "NOW(3))")
			.params(id, kind, from, to, from)
			.update();
	}

	private static Instant instant(LocalDateTime time) {
		return UtcInstants.instant(time);
	}

	/** Where the backfill stands. */
	public enum Status {

		/** Not planned: before BACKFILL, or rolled back. */
		IDLE,
		/** Copying. */
		RUNNING,
		/** Every range copied. */
		COMPLETE

	}

	/**
	 * The console's {@code backfill}.
	 *
	 * @param status IDLE, RUNNING or COMPLETE
	 * @param usersTotal the legacy users when it was planned
	 * @param usersMigrated the users it has copied
	 * @param rowsCopied the legacy rows it has covered
	 * @param perSecond rows per second since it started (until it completed)
	 */
	public record Progress(Status status, long usersTotal, long usersMigrated, long rowsCopied, long perSecond) {
	}

}
