package com.couponplatform.phasemachine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.MigrationState;
import com.couponplatform.migration.Phase;
import com.couponplatform.migration.ProcessHeartbeats;
import com.couponplatform.migration.Side;
import com.couponplatform.replication.Backfill;
import com.couponplatform.replication.Backlog;
import com.couponplatform.replication.Verifications;
import com.couponplatform.shared.InvalidInputException;

/**
 * The migration as the console and {@code migrate.sh status} show it, and where one user
 * stands.
 */
public final class ReadMigration {

	private final MigrationState state;

	private final TransitionStore store;

	private final DataSource global;

	private final OldDatabase old;

	private final Duration processLease;

	/**
	 * @param old the legacy database, or {@code null} when none is configured
	 */
	ReadMigration(MigrationState state, TransitionStore store, DataSource global, OldDatabase old,
			Duration processLease) {
		this.state = state;
		this.store = store;
		this.global = global;
		this.old = old;
		this.processLease = processLease;
	}

	/**
	 * @return the migration now; phase NONE alone when none is underway
	 */
	public Status read() {
		Optional<MigrationState.Stored> stored = this.state.read();
		if (stored.isEmpty()) {
			return new Status(Phase.NONE, null, null, null, null, null, null, null, null, null, null, null, null);
		}
		MigrationState.Stored now = stored.get();
		Freeze freeze = now.phase().freezesBackOffice() ? new Freeze(now.beganAt(), null) : null;
		return new Status(now.phase(), now.number(), now.enteredAt(), now.phase().next().stream().toList(),
				now.phase().rollback().stream().toList(), this.store.latest().orElse(null), freeze,
				StaticCopy.report(JdbcClient.create(this.global)), Backfill.progress(JdbcClient.create(this.global)),
				replication(now.phase()), verification(), this.store.history(),
				ProcessHeartbeats.live(this.global, this.processLease));
	}

	private Verification verification() {
		Verifications runs = new Verifications(this.global);
		return new Verification(runs.lastId().orElse(null),
				runs.cleanRunsInARow(Backfill.completedAt(JdbcClient.create(this.global)).orElse(null)));
	}

	private Replication replication(Phase phase) {
		// Only the replicating phases fill OLD's outbox (the rollback out of them empties
		// it); before them OLD may not even have the platform's tables yet.
		boolean replicates = this.old != null && phase.compareTo(Phase.DUAL_WRITE) >= 0;
		return new Replication(replicates ? Backlog.toNew(this.old.sql()) : Backlog.NONE, Backlog.NONE);
	}

	/**
	 * Where a user stands: the side that serves them, whether their data is on NEW, and
	 * whether they are in the gray (none until the gray phases).
	 * @param userId any positive user ID, with data or not
	 * @return the user's standing
	 */
	public UserStanding user(long userId) {
		if (userId <= 0) {
			throw new InvalidInputException("userId", "must be a positive user ID");
		}
		Phase phase = this.state.read().map(MigrationState.Stored::phase).orElse(Phase.NONE);
		Side side = phase.defaultSide();
		return new UserStanding(userId, side, side == Side.NEW, false, false);
	}

	/**
	 * The migration now.
	 *
	 * @param phase the phase
	 * @param epoch its epoch (null in NONE)
	 * @param enteredAt when the phase was entered
	 * @param next the phase one step forward
	 * @param rollbackTo the phase its rollback lands in
	 * @param transition the last transition requested
	 * @param freeze since when the back office is frozen, or {@code null}
	 * @param staticCopy the static copy's last comparison per table (templates, scopes,
	 * blacklist, codes), empty before one
	 * @param backfill the backfill's progress
	 * @param replication the changes not yet applied, each way
	 * @param verification the last verification run, and how many full runs in a row were
	 * clean since the backfill completed
	 * @param history every phase change
	 * @param processes the live processes and the epoch each acts on
	 */
	public record Status(Phase phase, Long epoch, Instant enteredAt, List<Phase> next, List<Phase> rollbackTo,
			Transition transition, Freeze freeze, Map<String, CopiedTable> staticCopy, Backfill.Progress backfill,
			Replication replication, Verification verification, List<TransitionStore.HistoryEntry> history,
			List<ProcessHeartbeats.Live> processes) {
	}

	/**
	 * @param lastId the last run requested, or {@code null}
	 * @param cleanRunsInARow full runs in a row, latest first, that were clean
	 */
	public record Verification(Long lastId, int cleanRunsInARow) {
	}

	/**
	 * @param toNew OLD's changes not yet applied to NEW
	 * @param toOld NEW's changes not yet applied to OLD (reverse replication, from
	 * WRITE_GRAY on)
	 */
	public record Replication(Backlog toNew, Backlog toOld) {
	}

	/**
	 * @param since when it began
	 * @param until when it ended, {@code null} while it lasts
	 */
	public record Freeze(Instant since, Instant until) {
	}

	/**
	 * @param userId the user
	 * @param side the side serving them
	 * @param migrated whether their data is on NEW
	 * @param readGray whether their reads are in the read gray
	 * @param writeGray whether they are in the write gray
	 */
	public record UserStanding(long userId, Side side, boolean migrated, boolean readGray, boolean writeGray) {
	}

}
