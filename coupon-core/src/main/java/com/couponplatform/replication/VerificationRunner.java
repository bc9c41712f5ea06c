package com.couponplatform.replication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardTransactions;

/**
 * Executes verification runs in the worker: OLD and NEW compared in canonical form
 * (decision 9), keyset-paged in stages — OLD's users, then users only NEW's tables hold
 * (and rows in a physical table their user does not route to), OLD's use log, NEW's use
 * log, and, for a run over every user, the codes — with the stage and cursor checkpointed
 * after every page, so a run whose worker died resumes where it was. A difference found
 * on a page is only suspected: it is compared again after the re-check delay (a change in
 * flight has reached NEW by then) and, for a user's rows, finally under the user's copy
 * lock (invariant 7); only what differs every time counts, and is listed with its kind
 * and key.
 */
final class VerificationRunner {

	private static final Logger logger = LoggerFactory.getLogger(VerificationRunner.class);

	private static final List<String> STAGES = List.of("USERS", "NEW_USERS", "USE_LOG", "NEW_USE_LOG", "CODES", "DONE");

	private final JdbcClient global;

	private final OldDatabase old;

	private final ShardTransactions shards;

	private final ShardRouter router;

	private final CopyComparison comparison;

	private final Duration recheckDelay;

	private final int pageSize;

	private final Throttle throttle;

	private final String worker;

	private final long pollMillis;

	/** The lease of what a worker holds, as SQL: renewed at every checkpoint. */
	private final String lease;

	VerificationRunner(JdbcClient global, OldDatabase old, ShardTransactions shards, ShardRouter router,
			CopyComparison comparison, Duration recheckDelay, int pageSize, int rowsPerSecond, String worker,
			long pollMillis, Duration lease) {
		this.global = global;
		this.old = old;
		this.shards = shards;
		this.router = router;
		this.comparison = comparison;
		this.recheckDelay = recheckDelay;
		this.pageSize = pageSize;
		this.throttle = new Throttle(rowsPerSecond);
		this.worker = worker;
		this.pollMillis = pollMillis;
		this.lease = "INTERVAL " + lease.toMillis() * 1000 + " MICROSECOND";
	}

	/**
	 * Runs the running verification, if this worker can hold it, to its end.
	 * @return whether a run was worked on
	 */
	boolean runOnce() throws InterruptedException {
		Optional<Run> held = take();
		if (held.isEmpty()) {
			return false;
		}
		Run run = held.get();
		try {
			while (!"DONE".equals(run.stage)) {
				Page page = page(run);
				confirm(run, page);
				run = run.next(page);
				if (!checkpoint(run, page)) {
					return true;
				}
				this.throttle.took(page.rows);
			}
			this.global.sql(
					"UPDATE migration_verification SET status = 'DONE', finished_at = NOW(3) WHERE id = ? AND worker = ?")
				.params(run.id, this.worker)
				.update();
			logger.info("Verification {} done", run.id);
		}
		catch (RuntimeException ex) {
			if (ex instanceof org.springframework.dao.TransientDataAccessException) {
				// Resumed from its checkpoint by the next round.
				throw ex;
			}
			logger.error("Verification {} failed", run.id, ex);
			this.global.sql(
					"UPDATE migration_verification SET status = 'FAILED', detail = ?, finished_at = NOW(3) WHERE id = ?")
				.params(String.valueOf(ex.getMessage()), run.id)
				.update();
		}
		return true;
	}

	/** One page of the run's stage, compared once. */
	private Page page(Run run) {
		return switch (run.stage) {
			case "USERS" -> oldUsers(run);
			case "NEW_USERS" -> newUsers(run);
			case "USE_LOG" -> oldUseLog(run);
			case "NEW_USE_LOG" -> newUseLog(run);
			default -> codes(run);
		};
	}

	private Page oldUsers(Run run) {
		List<Long> users = this.old.sql()
			.sql("SELECT DISTINCT uid FROM t_user_coupon WHERE uid > ? AND uid <= ? ORDER BY uid LIMIT ?")
			.params(run.cursorId, run.upperBound(), this.pageSize)
			.query(Long.class)
			.list();
		Page page = new Page(users.size() < this.pageSize);
		for (long userId : users) {
			List<Difference> differences = this.comparison.user(userId);
			page.users++;
			page.rows += rows(userId);
			if (!differences.isEmpty()) {
				page.suspects.add(new Suspect(userId, null, () -> this.comparison.user(userId),
						() -> this.comparison.userLocked(userId)));
			}
		}
		page.cursorId = users.isEmpty() ? run.cursorId : users.get(users.size() - 1);
		return page;
	}

	/**
	 * Users whose rows only NEW holds, and rows in a table their user does not route to.
	 */
	private Page newUsers(Run run) {
		List<ShardLocation> locations = this.router.layout().locations();
		if (run.cursorTable >= locations.size()) {
			Page page = new Page(true);
			page.cursorTable = run.cursorTable;
			return page;
		}
		ShardLocation location = locations.get(run.cursorTable);
		List<Long> users = this.comparison.usersIn(location, run.cursorId, run.upperBound(), this.pageSize);
		Page page = new Page(false);
		for (long userId : users) {
			boolean inOld = !this.old.sql()
				.sql("SELECT id FROM t_user_coupon WHERE uid = ? LIMIT 1")
				.param(userId)
				.query(Long.class)
				.list()
				.isEmpty();
			if (!this.router.locateUser(userId).equals(location)) {
				for (long id : this.comparison.couponsIn(location, userId)) {
					// A row OLD has for a user of the run was named MISPLACED by the
					// user's own comparison already.
					if (!(inOld && run.covers(userId) && inOldCoupons(id, userId))) {
						page.suspects.add(misplaced("t_user_coupon", "user_coupon", location, id, userId));
					}
				}
			}
			else if (!inOld) {
				page.users++;
				page.suspects.add(new Suspect(userId, null, () -> this.comparison.user(userId),
						() -> this.comparison.userLocked(userId)));
			}
			page.rows++;
		}
		if (users.size() < this.pageSize) {
			page.cursorTable = run.cursorTable + 1;
			page.cursorId = (run.fromUser != null) ? run.fromUser - 1 : 0;
			page.last = page.cursorTable >= locations.size();
		}
		else {
			page.cursorTable = run.cursorTable;
			page.cursorId = users.get(users.size() - 1);
		}
		return page;
	}

	private Page oldUseLog(Run run) {
		List<Long> ids = this.old.sql()
			.sql("SELECT id FROM t_coupon_use_log WHERE id > ? AND uid > ? AND uid <= ? ORDER BY id LIMIT ?")
			.params(run.cursorId, run.lowerBound(), run.upperBound(), this.pageSize * 10)
			.query(Long.class)
			.list();
		Page page = new Page(ids.size() < this.pageSize * 10);
		page.rows = ids.size();
		for (Difference difference : this.comparison.useLogs(ids)) {
			long id = Long.parseLong(difference.key());
			page.suspects.add(new Suspect(null, id, () -> this.comparison.useLogs(List.of(id)), null));
		}
		page.cursorId = ids.isEmpty() ? run.cursorId : ids.get(ids.size() - 1);
		return page;
	}

	/**
	 * NEW's use-log rows OLD lacks, and those in a table their user does not route to.
	 */
	private Page newUseLog(Run run) {
		List<ShardLocation> locations = this.router.layout().locations();
		if (run.cursorTable >= locations.size()) {
			Page page = new Page(true);
			page.cursorTable = run.cursorTable;
			return page;
		}
		ShardLocation location = locations.get(run.cursorTable);
		List<long[]> rows = this.shards.sql(location.database())
			.sql("SELECT id, user_id FROM " + location.physicalTable("coupon_usage")
					+ " WHERE id > ? AND user_id > ? AND user_id <= ? ORDER BY id LIMIT ?")
			.params(run.cursorId, run.lowerBound(), run.upperBound(), this.pageSize * 10)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		Page page = new Page(false);
		page.rows = rows.size();
		Set<Long> inOld = new LinkedHashSet<>();
		if (!rows.isEmpty()) {
			inOld.addAll(this.old.sql()
				.sql("SELECT id FROM t_coupon_use_log WHERE id IN (:ids)")
				.param("ids", rows.stream().map((row) -> row[0]).toList())
				.query(Long.class)
				.list());
		}
		for (long[] row : rows) {
			long id = row[0];
			long userId = row[1];
			if (!this.router.locateUser(userId).equals(location)) {
				if (!inOld.contains(id)) {
					page.suspects.add(misplaced("t_coupon_use_log", "coupon_usage", location, id, userId));
				}
			}
			else if (!inOld.contains(id)) {
				page.suspects.add(new Suspect(null, id, () -> this.comparison.useLogs(List.of(id)), null));
			}
		}
		if (rows.size() < this.pageSize * 10) {
			page.cursorTable = run.cursorTable + 1;
			page.cursorId = 0;
			page.last = page.cursorTable >= locations.size();
		}
		else {
			page.cursorTable = run.cursorTable;
			page.cursorId = rows.get(rows.size() - 1)[0];
		}
		return page;
	}

	private Page codes(Run run) {
		if (run.fromUser != null || run.toUser != null) {
			// Codes have no user: a run over a range of users leaves them out.
			return new Page(true);
		}
		List<String> codes = this.old.sql()
			.sql("SELECT code FROM t_coupon_code WHERE code > ? ORDER BY code LIMIT ?")
			.params(run.cursorCode, this.pageSize * 10)
			.query(String.class)
			.list();
		Page page = new Page(codes.size() < this.pageSize * 10);
		page.rows = codes.size();
		for (Difference difference : this.comparison.codes(codes)) {
			String code = difference.key();
			page.suspects.add(new Suspect(null, null, () -> this.comparison.codes(List.of(code)), null));
		}
		page.cursorCode = codes.isEmpty() ? run.cursorCode : codes.get(codes.size() - 1);
		return page;
	}

	/**
	 * A row in a table its user does not route to, confirmed while it is still there (a
	 * use-log row or coupon found elsewhere than its user's table).
	 */
	private Suspect misplaced(String legacyTable, String logicalTable, ShardLocation location, long id, long userId) {
		Supplier<List<Difference>> check = () -> this.shards.sql(location.database())
			.sql("SELECT id FROM " + location.physicalTable(logicalTable) + " WHERE id = ? AND user_id = ?")
			.params(id, userId)
			.query(Long.class)
			.list()
			.isEmpty() ? List.of()
					: List.of(new Difference(Difference.Kind.MISPLACED, legacyTable, Long.toString(id), userId));
		return new Suspect(null, null, check, null);
	}

	private boolean inOldCoupons(long id, long userId) {
		return !this.old.sql()
			.sql("SELECT id FROM t_user_coupon WHERE id = ? AND uid = ?")
			.params(id, userId)
			.query(Long.class)
			.list()
			.isEmpty();
	}

	/**
	 * Invariant 7: a suspect counts only if it still differs after the re-check delay,
	 * and — for a user's rows — under the user's lock.
	 */
	private void confirm(Run run, Page page) {
		if (page.suspects.isEmpty()) {
			return;
		}
		sleep(this.recheckDelay);
		for (Suspect suspect : page.suspects) {
			List<Difference> again = suspect.recheck.get();
			if (!again.isEmpty() && suspect.locked != null) {
				// A change of the user's still in OLD's outbox is in flight, not a
				// difference: wait (boundedly) until it is applied, then look under the
				// user's lock.
				awaitApplied(suspect.userId);
				again = suspect.locked.get();
			}
			for (Difference difference : again) {
				page.confirmed.add(classified(difference));
			}
		}
	}

	/**
	 * Waits until none of a user's changes waits in OLD's outbox, for at most ten
	 * re-check delays: past them the difference stands (the replication is down, and the
	 * console's backlog says so).
	 */
	private void awaitApplied(long userId) {
		long deadline = System.nanoTime() + this.recheckDelay.multipliedBy(10).toNanos();
		while (System.nanoTime() < deadline && this.old.sql()
			.sql("SELECT COUNT(*) FROM t_coupon_migration_outbox WHERE uid = ?")
			.param(userId)
			.query(Long.class)
			.single() > 0) {
			sleep(Duration.ofMillis(this.pollMillis));
		}
	}

	/**
	 * A coupon or use-log row missing from its user's table but held in another one is
	 * misplaced.
	 */
	private Difference classified(Difference difference) {
		if (difference.kind() != Difference.Kind.MISSING || difference.userId() == null) {
			return difference;
		}
		String logical = switch (difference.table()) {
			case "t_user_coupon" -> "user_coupon";
			case "t_coupon_use_log" -> "coupon_usage";
			default -> null;
		};
		if (logical != null
				&& this.comparison.elsewhere(logical, Long.parseLong(difference.key()), difference.userId())) {
			return new Difference(Difference.Kind.MISPLACED, difference.table(), difference.key(), difference.userId());
		}
		return difference;
	}

	/**
	 * Records a page: the next stage and cursor, the counts, the differences confirmed.
	 * @return whether this worker still holds the run
	 */
	private boolean checkpoint(Run run, Page page) {
		long[] kinds = new long[Difference.Kind.values().length];
		page.confirmed.forEach((difference) -> kinds[difference.kind().ordinal()]++);
		boolean held = this.global
			.sql("UPDATE migration_verification SET stage = ?, cursor_id = ?, cursor_code = ?, cursor_table = ?, "
					+ "users_compared = users_compared + ?, rows_compared = rows_compared + ?, missing = missing + ?, "
					+ "extra = extra + ?, mismatched = mismatched + ?, misplaced = misplaced + ?, "
					+ "lease_until = NOW(3) + " + this.lease + " WHERE id = ? AND worker = ? AND status = 'RUNNING'")
			.params(run.stage, run.cursorId, run.cursorCode, run.cursorTable, page.users, page.rows, kinds[0], kinds[1],
					kinds[2], kinds[3], run.id, this.worker)
			.update() == 1;
		if (held && !page.confirmed.isEmpty()) {
			int seq = this.global
				.sql("SELECT COALESCE(MAX(seq), 0) FROM migration_verification_difference WHERE verification_id = ?")
				.param(run.id)
				.query(Integer.class)
				.single();
			for (Difference difference : page.confirmed) {
				if (seq >= Verifications.KEPT) {
					break;
				}
				this.global.sql(
						"INSERT IGNORE INTO migration_verification_difference (verification_id, seq, kind, table_name, "
								+ "row_key, user_id) VALUES (?, ?, ?, ?, ?, ?)")
					.params(run.id, ++seq, difference.kind().name(), difference.table(), difference.key(),
							difference.userId())
					.update();
			}
		}
		return held;
	}

	private Optional<Run> take() {
		Optional<Run> running = this.global.sql(
				"SELECT id, from_user, to_user, stage, cursor_id, cursor_code, cursor_table FROM migration_verification "
						+ "WHERE status = 'RUNNING' AND (worker IS NULL OR worker = ? OR lease_until < NOW(3)) "
						+ "ORDER BY id LIMIT 1")
			.param(this.worker)
			.query((rs, n) -> new Run(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
					rs.getString(4), rs.getLong(5), rs.getString(6), rs.getInt(7)))
			.optional();
		if (running.isEmpty() || this.global
			.sql("UPDATE migration_verification SET worker = ?, lease_until = NOW(3) + " + this.lease
					+ " WHERE id = ? AND status = 'RUNNING' AND (worker IS NULL OR worker = ? OR lease_until < NOW(3))")
			.params(this.worker, running.get().id, this.worker)
			.update() != 1) {
			return Optional.empty();
		}
		return running;
	}

	private long rows(long userId) {
		return this.old.sql()
			.sql("SELECT COUNT(*) FROM t_user_coupon WHERE uid = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	private static void sleep(Duration duration) {
		try {
			TimeUnit.MILLISECONDS.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A run where its checkpoint left it. */
	private record Run(long id, Long fromUser, Long toUser, String stage, long cursorId, String cursorCode,
			int cursorTable) {

		long lowerBound() {
			return (this.fromUser != null) ? this.fromUser - 1 : 0;
		}

		long upperBound() {
			return (this.toUser != null) ? this.toUser : Long.MAX_VALUE;
		}

		boolean covers(long userId) {
			return userId > lowerBound() && userId <= upperBound();
		}

		/**
		 * Where the run goes after a page: the same stage further on, or the next stage.
		 */
		Run next(Page page) {
			if (!page.last) {
				return new Run(this.id, this.fromUser, this.toUser, this.stage, page.cursorId, page.cursorCode,
						page.cursorTable);
			}
			String next = STAGES.get(STAGES.indexOf(this.stage) + 1);
			// User stages start at the run's first user, row stages at the first row.
			return new Run(this.id, this.fromUser, this.toUser, next, next.equals("NEW_USERS") ? lowerBound() : 0, "",
					0);
		}

	}

	/** One page's comparison. */
	private static final class Page {

		private boolean last;

		private long cursorId;

		private String cursorCode = "";

		private int cursorTable;

		private long users;

		private long rows;

		private final List<Suspect> suspects = new ArrayList<>();

		private final List<Difference> confirmed = new ArrayList<>();

		Page(boolean last) {
			this.last = last;
		}

	}

	/**
	 * A difference found once: how to compare it again, and, for a user's rows, how to
	 * compare them under the user's lock.
	 */
	private record Suspect(Long userId, Long useLogId, Supplier<List<Difference>> recheck,
			Supplier<List<Difference>> locked) {
	}

}
