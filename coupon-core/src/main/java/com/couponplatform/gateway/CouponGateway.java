package com.couponplatform.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.OutboxEvent;
import com.couponplatform.migration.Epoch;
import com.couponplatform.migration.MigrationEpochs;
import com.couponplatform.migration.Phase;
import com.couponplatform.migration.Side;
import com.couponplatform.migration.SideResolver;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.sharding.ShardAvailability;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardTransactions;
import com.couponplatform.shared.RetryLaterException;
import com.couponplatform.wallet.UserCoupon;

/**
 * The one point every change of a user's coupons passes — claims, redemption's coupon,
 * the order moves, the issuance writer, the expiry job — so that a migration can switch
 * it: each write is decided for a side under the process's epoch, and, while a migration
 * is configured, its transaction reads the user's fence row ({@link UserFence}) and is
 * refused when the decision is stale. A refused write is decided again once under the
 * fresh epoch, then answered 503 with {@code Retry-After}: never applied to the wrong
 * side. In phase NONE no fence is read, and the writes are those of the sharded store
 * alone, the only side there is until the legacy side is built.
 */
@Component
public class CouponGateway {

	/**
	 * What a refused writer is told to wait: a user's cutover holds for well under it.
	 */
	static final long RETRY_AFTER_SECONDS = 1;

	private final MigrationEpochs epochs;

	private final SideResolver sides;

	private final JdbcClient sql;

	private final PlatformTransactionManager transactions;

	private final TransactionTemplate transaction;

	private final ShardTransactions shards;

	private final ShardRouter router;

	private final Outbox outbox;

	private final ReplicaRouting routing;

	private final ShardAvailability availability;

	private final ObjectProvider<GatewayFaultPoint> faults;

	private final ObjectProvider<OldDatabase> old;

	private final IdGenerator ids;

	CouponGateway(MigrationEpochs epochs, SideResolver sides, DataSource dataSource,
			PlatformTransactionManager transactions, ShardTransactions shards, ShardRouter router, Outbox outbox,
			ReplicaRouting routing, ShardAvailability availability, ObjectProvider<GatewayFaultPoint> faults,
			ObjectProvider<OldDatabase> old, IdGenerator ids) {
		this.old = old;
		this.ids = ids;
		this.availability = availability;
		this.epochs = epochs;
		this.sides = sides;
		this.sql = JdbcClient.create(dataSource);
		this.transactions = transactions;
		this.transaction = new TransactionTemplate(transactions);
		this.shards = shards;
		this.router = router;
		this.outbox = outbox;
		this.routing = routing;
		this.faults = faults;
	}

	/**
	 * Changes one user's coupons in one transaction of the user's shard.
	 * @param <T> the result
	 * @param userId the user
	 * @param work the changes, made through the writes it is given; may also write the
	 * user's other tables (orders) with MyBatis, in the same transaction
	 * @return the work's result, committed
	 * @throws RetryLaterException when the user's coupons are changing sides
	 */
	public <T> T change(long userId, Function<CouponWrites, T> work) {
		return change(userId, this.transaction, work);
	}

	/**
	 * {@link #change(long, Function)} within a time limit: a bounded write is what lets
	 * reconciliation tell a dead claim from a slow one.
	 * @param <T> the result
	 * @param userId the user
	 * @param timeout the transaction's limit, in whole seconds (at least one)
	 * @param work the changes
	 * @return the work's result, committed
	 */
	public <T> T change(long userId, Duration timeout, Function<CouponWrites, T> work) {
		TransactionTemplate bounded = new TransactionTemplate(this.transactions);
		bounded.setTimeout((int) Math.max(1, timeout.toSeconds()));
		return change(userId, bounded, work);
	}

	private <T> T change(long userId, TransactionTemplate template, Function<CouponWrites, T> work) {
		// Refused before anything is recorded: a user refused during an outage has not
		// written, and their reads may still go to the replica.
		this.availability.requireWritable(userId);
		// Recorded before the write, not after: a primary that dies right after
		// committing must not leave its user readable on a replica that missed it.
		this.routing.wrote(userId);
		return decided((epoch) -> {
			WriteDecision decision = decide(userId, epoch, Side.NEW);
			return template.execute((status) -> {
				if (epoch.phase().fenced()) {
					UserFence.check(this.sql, userId, decision);
				}
				return work.apply(new CouponWrites(this.sql, userId, this.outbox));
			});
		});
	}

	/**
	 * Changes one user's legacy rows in one local transaction of OLD, as the monolith
	 * writes them: the user's gateway lock is taken first (one user's gateway writes on
	 * OLD run one at a time), then OLD's fence is read. Refused like {@link #change} when
	 * the user's side is not OLD.
	 * @param <T> the result
	 * @param userId the user
	 * @param work the changes, through the writes it is given
	 * @return the work's result, committed
	 * @throws RetryLaterException when the user's coupons are changing sides
	 * @throws IllegalStateException when no legacy database is configured
	 */
	public <T> T changeOld(long userId, Function<OldWrites, T> work) {
		OldDatabase database = this.old.getIfAvailable();
		if (database == null) {
			throw new IllegalStateException("No legacy database is configured: user " + userId + " cannot be on OLD");
		}
		return decided((epoch) -> {
			WriteDecision decision = decide(userId, epoch, Side.OLD);
			return database.transaction().execute((status) -> {
				OldFence.check(database.sql(), userId, decision);
				OldWrites writes = new OldWrites(database.sql(), userId,
						epoch.phase().generatorIdsOnOld() ? this.ids::nextId : null, journal(database, epoch));
				T result = work.apply(writes);
				if (epoch.phase().replicatesToNew()) {
					// Also when the work wrote nothing (a replay): an extra change costs
					// the
					// applier one comparison, a missed one a user NEW lacks.
					OldOutbox.append(database.sql(), this.ids.nextId(), userId, epoch.number(), writes.useLogIds(),
							writes.exchangedCodes());
				}
				return result;
			});
		});
	}

	/**
	 * Changes NEW's copy of a legacy user (DUAL_WRITE until the user's cutover), in one
	 * transaction of the user's shard at READ COMMITTED that first takes the user's copy
	 * lock: the user's row of {@code migration_user_copy}, created if absent and locked
	 * until the transaction ends, so the applier and the backfill copy one user one at a
	 * time, and a holder that dies holds nothing and has written nothing. Refused for a
	 * user whose side in NEW's fence is not OLD: their copy is the original now.
	 * @param <T> the result
	 * @param userId the user
	 * @param work the changes, through the writes it is given
	 * @return the work's result, committed; empty when the user is not on OLD
	 */
	public <T> Optional<T> copy(long userId, Function<MirrorWrites, T> work) {
		ShardLocation location = this.router.locateUser(userId);
		return this.shards.inShardReadCommitted(location.database(), (sql) -> {
			sql.sql("INSERT INTO " + location.physicalTable("migration_user_copy")
					+ " (user_id, epoch, rows_copied, copied_at) VALUES (?, -1, 0, NOW(3)) "
					+ "ON DUPLICATE KEY UPDATE user_id = user_id")
				.param(userId)
				.update();
			Epoch epoch = this.epochs.writable();
			if (!UserFence
				.admitted(sql, location.physicalTable(UserFence.TABLE), Set.of(userId),
						new WriteDecision(Side.OLD, epoch))
				.contains(userId)) {
				return Optional.empty();
			}
			return Optional.of(work.apply(new MirrorWrites(sql, location, userId)));
		});
	}

	/**
	 * Removes up to a limit of the copied coupons of one physical table (a rollback to
	 * STATIC_COPIED: while every user is on OLD, every row of NEW's coupon tables is a
	 * copy), with their side rows.
	 * @param location the physical table
	 * @param limit the most rows per call
	 * @return how many coupons were removed
	 */
	public int removeCopies(ShardLocation location, int limit) {
		Epoch epoch = this.epochs.writable();
		if (epoch.phase().compareTo(Phase.WRITE_GRAY) >= 0 || !epoch.phase().fenced()) {
			throw new IllegalStateException("NEW's coupons are not only copies in phase " + epoch.phase());
		}
		return this.shards.inShardReadCommitted(location.database(), (sql) -> {
			int removed = sql.sql("DELETE FROM " + location.physicalTable("user_coupon") + " LIMIT " + limit).update();
			sql.sql("DELETE FROM " + location.physicalTable("legacy_coupon") + " LIMIT " + limit).update();
			return removed;
		});
	}

	/**
	 * Writes new coupons of many users, as one multi-row insert per physical table in one
	 * transaction per shard database; a coupon that exists already (by any unique key) is
	 * skipped, so a repeated batch writes nothing twice. One user on another side (or
	 * fenced under a newer epoch) refuses the batch of that shard database; the databases
	 * written before it stay written, and the caller's repeat writes the rest. A database
	 * whose primary does not answer is skipped, the others written, and the call then
	 * refused, so an outage delays only that database's users.
	 * @param coupons the coupons, none with a claim slot
	 * @return how many rows were inserted
	 * @throws RetryLaterException when a user of the batch is changing sides, or their
	 * shard database does not answer
	 */
	public long issue(List<UserCoupon> coupons) {
		long inserted = 0;
		Integer down = null;
		for (Map.Entry<Integer, Map<Integer, List<UserCoupon>>> database : this.router
			.byDatabaseAndTable(coupons, (coupon) -> Long.toString(coupon.userId()))
			.entrySet()) {
			int index = database.getKey();
			if (!this.availability.isWritable(index)) {
				down = index;
				continue;
			}
			this.routing
				.wrote(database.getValue().values().stream().flatMap(List::stream).map(UserCoupon::userId).toList());
			inserted += decided((epoch) -> this.shards.inShard(index, (sql) -> {
				long written = 0;
				for (Map.Entry<Integer, List<UserCoupon>> table : database.getValue().entrySet()) {
					ShardLocation location = new ShardLocation(index, table.getKey());
					List<UserCoupon> rows = table.getValue();
					if (epoch.phase().fenced()) {
						checkAll(sql, location, rows, epoch);
					}
					written += CouponRows.insert(sql, location.physicalTable("user_coupon"), rows, null, true);
				}
				return written;
			}));
		}
		if (down != null) {
			// The other databases' rows are written; the caller's repeat writes these.
			throw ShardAvailability.unavailable(down);
		}
		return inserted;
	}

	/**
	 * Expires the next batch of one physical table's UNUSED coupons past their end, in
	 * keyset order of {@code (valid_until, id)} after a cursor, in one short transaction
	 * at READ COMMITTED: the batch's rows are locked, updated, and described by one event
	 * per template in the same shard's outbox. While a migration is configured only the
	 * coupons of users whose side is NEW are touched (decision 10).
	 * @param location the physical table
	 * @param after the cursor, {@link ExpiryCursor#START} for the first batch
	 * @param now the instant the coupons are past
	 * @param size the most rows per batch
	 * @param events the event that tells how many of a template expired
	 * @return what the batch expired, and the cursor after it ({@code null} when done)
	 */
	public ExpiryBatch expire(ShardLocation location, ExpiryCursor after, Instant now, int size, ExpiredEvents events) {
		Epoch epoch = this.epochs.writable();
		String table = location.physicalTable("user_coupon");
		return this.shards.inShardReadCommitted(location.database(), (sql) -> {
			List<Due> due = sql
				.sql("SELECT id, user_id, template_id, valid_until FROM " + table
						+ " WHERE status = 'UNUSED' AND valid_until >= ? AND valid_until <= ? "
						+ "AND (valid_until > ? OR id > ?) ORDER BY valid_until, id LIMIT " + size + " FOR UPDATE")
				.params(UtcInstants.text(after.validUntil()), UtcInstants.text(now),
						UtcInstants.text(after.validUntil()), after.id())
				.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3),
						UtcInstants.instant(rs.getObject(4, LocalDateTime.class))))
				.list();
			if (due.isEmpty()) {
				return new ExpiryBatch(0, null);
			}
			Due last = due.get(due.size() - 1);
			ExpiryCursor next = (due.size() < size) ? null : new ExpiryCursor(last.validUntil, last.id);
			List<Due> mine = due;
			if (epoch.phase().fenced()) {
				Set<Long> users = new LinkedHashSet<>();
				due.forEach((row) -> users.add(row.userId));
				Set<Long> admitted = UserFence.admitted(sql, location.physicalTable(UserFence.TABLE), users,
						new WriteDecision(Side.NEW, epoch));
				mine = due.stream().filter((row) -> admitted.contains(row.userId)).toList();
				if (mine.isEmpty()) {
					return new ExpiryBatch(0, next);
				}
			}
			List<Object> params = new ArrayList<>();
			params.add(UtcInstants.text(now));
			mine.forEach((row) -> params.add(row.id));
			int updated = sql
				.sql("UPDATE " + table + " SET status = 'EXPIRED', version = version + 1, updated_at = ? "
						+ "WHERE status = 'UNUSED' AND id IN (" + marks(mine.size()) + ")")
				.params(params)
				.update();
			if (updated != mine.size()) {
				// The rows are locked by this transaction: a difference means a bug,
				// not a race.
				throw new IllegalStateException(
						"Expected to expire " + mine.size() + " rows of " + table + ", did " + updated);
			}
			Map<Long, Long> perTemplate = new TreeMap<>();
			mine.forEach((row) -> perTemplate.merge(row.templateId, 1L, Long::sum));
			long someUser = mine.get(0).userId;
			perTemplate.forEach((templateId, count) -> {
				ExpiredEvent event = events.of(templateId, count);
				this.outbox.append(sql, someUser, event.topic(), Long.toString(templateId), event.event());
			});
			return new ExpiryBatch(mine.size(), next);
		});
	}

	/**
	 * Expires the UNUSED legacy coupons past their end in one window of OLD's IDs, as the
	 * monolith's nightly job does (state 0 → 3, one version up): a row's end is its
	 * {@code expire_time}, or for a row without one what its template says. Each row is
	 * moved by a guarded update ({@code state = 0}), so an order freezing it meanwhile
	 * wins or loses cleanly, and only users whose side is OLD are touched (decision 10).
	 * @param afterId the window's exclusive lower bound ({@code 0} for the first)
	 * @param window how many IDs the window spans
	 * @param now the legacy local time the coupons are past
	 * @return what the window expired, and the next window's lower bound ({@code -1} when
	 * no row lies beyond it)
	 */
	public OldExpiryBatch expireOld(long afterId, int window, LocalDateTime now) {
		OldDatabase database = this.old.getObject();
		long until = afterId + window;
		String at = OldWrites.text(now);
		return decided((epoch) -> database.transaction().execute((status) -> {
			JdbcClient sql = database.sql();
			List<long[]> due = sql
				.sql("SELECT c.id, c.uid FROM t_user_coupon c JOIN t_coupon_template t ON t.id = c.tpl_id "
						+ "WHERE c.id > ? AND c.id <= ? AND c.state = 0 AND COALESCE(c.expire_time, t.use_end, "
						+ "c.get_time + INTERVAL t.valid_days DAY) <= ?")
				.params(afterId, until, at)
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.list();
			Set<Long> users = new LinkedHashSet<>();
			due.forEach((row) -> users.add(row[1]));
			Set<Long> admitted = users.isEmpty() ? Set.of()
					: OldFence.admitted(sql, users, new WriteDecision(Side.OLD, epoch));
			List<Object> ids = due.stream()
				.filter((row) -> admitted.contains(row[1]))
				.map((row) -> (Object) row[0])
				.toList();
			int expired = 0;
			if (!ids.isEmpty()) {
				List<Object> params = new ArrayList<>();
				params.add(at);
				params.addAll(ids);
				expired = sql
					.sql("UPDATE t_user_coupon SET state = 3, version = version + 1, update_time = ? "
							+ "WHERE state = 0 AND id IN (" + marks(ids.size()) + ")")
					.params(params)
					.update();
				if (epoch.phase().replicatesToNew()) {
					// One change per user: a row the update skipped changes nothing the
					// applier copies.
					due.stream()
						.filter((row) -> admitted.contains(row[1]))
						.map((row) -> row[1])
						.distinct()
						.forEach((uid) -> OldOutbox.append(sql, this.ids.nextId(), uid, epoch.number(), List.of(),
								List.of()));
				}
				OldJournal journal = journal(database, epoch);
				if (journal != null) {
					// A row the update skipped was moved meanwhile by another gateway
					// write,
					// which journalled it too: naming it here explains it twice, no more.
					ids.forEach((id) -> journal.wrote("t_user_coupon", id));
				}
			}
			// The next window starts at the next row, however far the IDs jump (generator
			// IDs from SINGLE_WRITE_OLD on).
			Long next = sql.sql("SELECT MIN(id) FROM t_user_coupon WHERE id > ?")
				.param(until)
				.query(Long.class)
				.list()
				.get(0);
			return new OldExpiryBatch(expired, (next != null) ? next - 1 : -1);
		}));
	}

	private static OldJournal journal(OldDatabase database, Epoch epoch) {
		return epoch.phase().journalsOldWrites() ? new OldJournal(database.sql(), epoch.number()) : null;
	}

	/**
	 * One window of the legacy expiry's outcome.
	 *
	 * @param expired how many coupons it expired
	 * @param next the next window's lower bound, or {@code -1} when done
	 */
	public record OldExpiryBatch(long expired, long next) {
	}

	/**
	 * Runs an attempt under the current epoch, and once more under the fresh one when its
	 * fence refused it.
	 */
	private <T> T decided(Function<Epoch, T> attempt) {
		try {
			return attempt.apply(this.epochs.writable());
		}
		catch (StaleDecisionException stale) {
			try {
				return attempt.apply(this.epochs.refresh());
			}
			catch (StaleDecisionException again) {
				again.addSuppressed(stale);
				throw new RetryLaterException("The user's coupons are moving between stores; retry shortly",
						RETRY_AFTER_SECONDS);
			}
		}
	}

	/**
	 * Decides a write for the side its caller prepared it for. A user whose side is the
	 * other one now (moved since the caller looked) is refused like a stale decision:
	 * decided once more, then answered 503, and the client's retry is prepared afresh.
	 */
	private WriteDecision decide(long userId, Epoch epoch, Side prepared) {
		Side side = this.sides.sideOf(userId, epoch);
		WriteDecision decision = new WriteDecision(prepared, epoch);
		if (side != prepared) {
			throw new StaleDecisionException(userId, decision, "the user's side is " + side);
		}
		this.faults.getIfAvailable(() -> GatewayFaultPoint.NONE).decided(userId, epoch);
		return decision;
	}

	/** A batch writes all of its users or none: one stale user refuses it. */
	private void checkAll(JdbcClient sql, ShardLocation location, List<UserCoupon> rows, Epoch epoch) {
		Set<Long> users = new LinkedHashSet<>();
		for (UserCoupon coupon : rows) {
			decide(coupon.userId(), epoch, Side.NEW);
			users.add(coupon.userId());
		}
		WriteDecision decision = new WriteDecision(Side.NEW, epoch);
		Set<Long> admitted = UserFence.admitted(sql, location.physicalTable(UserFence.TABLE), users, decision);
		for (long userId : users) {
			if (!admitted.contains(userId)) {
				throw new StaleDecisionException(userId, decision, "another side or a newer epoch");
			}
		}
	}

	private static String marks(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	/**
	 * Where an expiry walk of one table stands.
	 *
	 * @param validUntil the last row's end
	 * @param id the last row's ID
	 */
	public record ExpiryCursor(Instant validUntil, long id) {

		/** Before every row. */
		public static final ExpiryCursor START = new ExpiryCursor(Instant.EPOCH, 0);

	}

	/**
	 * One expiry batch's outcome.
	 *
	 * @param expired how many coupons it expired
	 * @param next the cursor after it, or {@code null} when the table has no more
	 */
	public record ExpiryBatch(long expired, ExpiryCursor next) {
	}

	/**
	 * The event that tells how many coupons of a template an expiry batch expired.
	 *
	 * @param topic the topic
	 * @param event the event
	 */
	public record ExpiredEvent(String topic, OutboxEvent event) {
	}

	/** Makes a batch's event per template. */
	@FunctionalInterface
	public interface ExpiredEvents {

		ExpiredEvent of(long templateId, long count);

	}

	private record Due(long id, long userId, long templateId, Instant validUntil) {
	}

}
