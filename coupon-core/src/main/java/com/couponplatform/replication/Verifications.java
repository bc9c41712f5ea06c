package com.couponplatform.replication;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.migration.Phase;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.ProblemCode;

/**
 * Verification runs as the console and the CLI see them ({@code migration_verification}):
 * requested here, executed by the worker ({@link VerificationRunner}), one at a time.
 */
public final class Verifications {

	/** Differences kept per run; the counts are complete. */
	static final int KEPT = 1_000;

	private final JdbcClient global;

	private final TransactionTemplate transaction;

	/**
	 * @param global the global database
	 */
	public Verifications(DataSource global) {
		this.global = JdbcClient.create(global);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(global));
	}

	/**
	 * Records a run over every user, or over a range of user IDs.
	 * @param phase the phase now: there is a copy to verify from DUAL_WRITE on
	 * @param fromUserId the first user, or {@code null}
	 * @param toUserId the last user, or {@code null}
	 * @param by the back-office user, or {@code cli}
	 * @return the run, RUNNING
	 */
	public Report request(Phase phase, Long fromUserId, Long toUserId, String by) {
		if (fromUserId != null && fromUserId <= 0) {
			throw new InvalidInputException("fromUserId", "must be a positive user ID");
		}
		if (toUserId != null && toUserId <= 0) {
			throw new InvalidInputException("toUserId", "must be a positive user ID");
		}
		if (fromUserId != null && toUserId != null && toUserId < fromUserId) {
			throw new InvalidInputException("toUserId", "must not be below fromUserId");
		}
		if (phase.compareTo(Phase.DUAL_WRITE) < 0 || phase.compareTo(Phase.DUAL_WRITE_OFF) >= 0) {
			throw new VerificationRefusedException(ProblemCode.MIGRATION_PRECONDITION_FAILED,
					"NEW holds no copy of OLD's users to verify in phase " + phase);
		}
		long id = this.transaction.execute((status) -> {
			// One RUNNING run at a time: requests queue on the migration's row.
			this.global.sql("SELECT id FROM migration_state WHERE id = 1 FOR UPDATE").query(Long.class).list();
			Optional<Long> running = this.global.sql("SELECT id FROM migration_verification WHERE status = 'RUNNING'")
				.query(Long.class)
				.optional();
			if (running.isPresent()) {
				throw new VerificationRefusedException(ProblemCode.VERSION_CONFLICT,
						"Verification " + running.get() + " is running; wait for it to end");
			}
			KeyHolder keys = new GeneratedKeyHolder();
			this.global
				.sql("INSERT INTO migration_verification (from_user, to_user, status, stage, cursor_id, cursor_code, "
						+ "cursor_table, users_compared, rows_compared, missing, extra, mismatched, misplaced, "
						+ "requested_by, requested_at) VALUES (?, ?, 'RUNNING', 'USERS', ?, '', 0, 0, 0, 0, 0, 0, 0, ?, "
						+ "NOW(3))")
				.params(fromUserId, toUserId, (fromUserId != null) ? fromUserId - 1 : 0, by)
				.update(keys, "id");
			return keys.getKey().longValue();
		});
		return read(id);
	}

	/**
	 * @param id a run
	 * @return its report, with the first {@value #KEPT} confirmed differences
	 * @throws VerificationRefusedException {@code NOT_FOUND} for no such run
	 */
	public Report read(long id) {
		Report report = this.global.sql("SELECT " + COLUMNS + " FROM migration_verification WHERE id = ?")
			.param(id)
			.query((rs, n) -> report(rs, List.of()))
			.optional()
			.orElseThrow(() -> new VerificationRefusedException(ProblemCode.NOT_FOUND, "No verification " + id));
		List<Difference> differences = this.global
			.sql("SELECT kind, table_name, row_key, user_id FROM migration_verification_difference "
					+ "WHERE verification_id = ? ORDER BY seq")
			.param(id)
			.query((rs, n) -> new Difference(Difference.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getObject(4, Long.class)))
			.list();
		return new Report(report.id, report.status, report.fromUserId, report.toUserId, report.usersCompared,
				report.rowsCompared, report.missing, report.extra, report.mismatched, report.misplaced, report.detail,
				report.requestedAt, report.finishedAt, differences);
	}

	/**
	 * @return the last run requested, if any
	 */
	public Optional<Long> lastId() {
		return this.global.sql("SELECT MAX(id) FROM migration_verification").query(Long.class).optional();
	}

	/**
	 * How many full runs in a row, latest first, ended clean, each requested after a
	 * given instant (the backfill's completion: runs before it compared an incomplete
	 * copy).
	 * @param after the instant, or {@code null} for none
	 * @return the count
	 */
	public int cleanRunsInARow(Instant after) {
		List<Boolean> runs = this.global
			.sql("SELECT status = 'DONE' AND missing + extra + mismatched + misplaced = 0 FROM migration_verification "
					+ "WHERE from_user IS NULL AND to_user IS NULL AND status <> 'RUNNING' AND requested_at > ? "
					+ "ORDER BY id DESC")
			.param(UtcInstants.text((after != null) ? after : Instant.EPOCH))
			.query(Boolean.class)
			.list();
		int clean = 0;
		while (clean < runs.size() && runs.get(clean)) {
			clean++;
		}
		return clean;
	}

	private static final String COLUMNS = "id, status, from_user, to_user, users_compared, rows_compared, missing, "
			+ "extra, mismatched, misplaced, detail, requested_at, finished_at";

	private static Report report(java.sql.ResultSet rs, List<Difference> differences) throws java.sql.SQLException {
		return new Report(rs.getLong(1), Status.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
				rs.getObject(4, Long.class), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
				rs.getLong(10), rs.getString(11), UtcInstants.instant(rs.getObject(12, LocalDateTime.class)),
				UtcInstants.instant(rs.getObject(13, LocalDateTime.class)), differences);
	}

	/** A run's status. */
	public enum Status {

		RUNNING, DONE, FAILED

	}

	/**
	 * One run's report (the operator contract's shape).
	 *
	 * @param id the run
	 * @param status RUNNING, DONE or FAILED
	 * @param fromUserId the first user compared, or {@code null} for all
	 * @param toUserId the last, or {@code null}
	 * @param usersCompared users compared so far
	 * @param rowsCompared rows compared so far, both sides' rows counted once
	 * @param missing confirmed rows in OLD, not in NEW
	 * @param extra confirmed rows in NEW, not in OLD
	 * @param mismatched confirmed rows that differ
	 * @param misplaced confirmed rows in a physical table their key does not route to
	 * @param detail why it failed, or {@code null}
	 * @param requestedAt when it was requested
	 * @param finishedAt when it ended, or {@code null}
	 * @param differences the first confirmed differences
	 */
	public record Report(long id, Status status, Long fromUserId, Long toUserId, long usersCompared, long rowsCompared,
			long missing, long extra, long mismatched, long misplaced, String detail, Instant requestedAt,
			Instant finishedAt, List<Difference> differences) {

		/**
		 * @return whether the run ended and found no difference
		 */
		public boolean clean() {
			return this.status == Status.DONE && this.missing + this.extra + this.mismatched + this.misplaced == 0;
		}

	}

}
