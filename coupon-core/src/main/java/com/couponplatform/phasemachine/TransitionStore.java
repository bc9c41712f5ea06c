package com.couponplatform.phasemachine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.migration.Phase;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.shared.ProblemCode;

/**
 * The phase machine's rows in the global database: the transitions, the running one named
 * by {@code migration_state} (one at a time), the phase changes and their history. Every
 * change that spans two rows is one transaction, so a process killed between them leaves
 * either both or neither.
 */
public final class TransitionStore {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<List<Precondition>> PRECONDITIONS = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, from_phase, to_phase, from_epoch, status, requested_by, requested_at, "
			+ "finished_at, preconditions, detail";

	private final JdbcClient sql;

	private final TransactionTemplate transaction;

	/**
	 * @param global the global database
	 */
	public TransitionStore(DataSource global) {
		this.sql = JdbcClient.create(global);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(global));
	}

	/**
	 * Records a transition as RUNNING, if the migration still stands at its epoch and no
	 * other transition runs.
	 * @return the transition
	 * @throws TransitionRefusedException {@code VERSION_CONFLICT} otherwise
	 */
	Transition open(Phase from, Phase to, long fromEpoch, String by, Instant now, List<Precondition> checked) {
		return this.transaction.execute((status) -> {
			KeyHolder keys = new GeneratedKeyHolder();
			this.sql
				.sql("INSERT INTO migration_transition (from_phase, to_phase, from_epoch, status, requested_by, "
						+ "requested_at, preconditions) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)")
				.params(from.name(), to.name(), fromEpoch, by, UtcInstants.text(now), json(checked))
				.update(keys, "id");
			long id = keys.getKey().longValue();
			int claimed = this.sql
				.sql("UPDATE migration_state SET transition_id = ? WHERE id = 1 AND transition_id IS NULL "
						+ "AND phase = ? AND epoch = ?")
				.params(id, from.name(), fromEpoch)
				.update();
			if (claimed != 1) {
				status.setRollbackOnly();
				throw new TransitionRefusedException(ProblemCode.VERSION_CONFLICT,
						"Another transition is running, or the phase moved on: read the migration again");
			}
			return find(id).orElseThrow();
		});
	}

	/**
	 * @param id the transition
	 * @return it, or empty
	 */
	public Optional<Transition> find(long id) {
		return this.sql.sql("SELECT " + COLUMNS + " FROM migration_transition WHERE id = ?")
			.param(id)
			.query(TransitionStore::transition)
			.optional();
	}

	/**
	 * @return the transition running now, or empty
	 */
	public Optional<Transition> running() {
		return this.sql
			.sql("SELECT " + COLUMNS + " FROM migration_transition "
					+ "WHERE id = (SELECT transition_id FROM migration_state WHERE id = 1)")
			.query(TransitionStore::transition)
			.optional();
	}

	/**
	 * @return the last transition requested, or empty
	 */
	public Optional<Transition> latest() {
		return this.sql.sql("SELECT " + COLUMNS + " FROM migration_transition ORDER BY id DESC LIMIT 1")
			.query(TransitionStore::transition)
			.optional();
	}

	/**
	 * Takes or renews a running transition for a worker: refused while another worker's
	 * lease has not expired (by the database's clock).
	 * @return whether the worker holds it now
	 */
	boolean hold(long id, String worker, Duration lease) {
		return this.sql
			.sql("UPDATE migration_transition SET worker = ?, lease_until = NOW(3) + INTERVAL ? MICROSECOND "
					+ "WHERE id = ? AND status = 'RUNNING' AND (worker IS NULL OR worker = ? OR lease_until < NOW(3))")
			.params(worker, lease.toNanos() / 1000, id, worker)
			.update() == 1;
	}

	/** What a running transition has checked and is doing, for the console. */
	void report(long id, List<Precondition> checked, String detail) {
		this.sql
			.sql("UPDATE migration_transition SET preconditions = ?, detail = ? WHERE id = ? AND status = 'RUNNING'")
			.params(json(checked), detail, id)
			.update();
	}

	/**
	 * Moves the phase to the transition's, with its epoch, and records it in the history;
	 * nothing when it has moved already.
	 * @return whether the phase is the transition's now
	 */
	boolean enter(Transition transition, Instant now) {
		return this.transaction.execute((status) -> {
			int moved = this.sql
				.sql("UPDATE migration_state SET phase = ?, epoch = ?, entered_at = ?, entered_by = ? "
						+ "WHERE id = 1 AND transition_id = ? AND epoch = ?")
				.params(transition.to().name(), transition.toEpoch(), UtcInstants.text(now), transition.requestedBy(),
						transition.id(), transition.fromEpoch())
				.update();
			if (moved == 1) {
				this.sql
					.sql("INSERT INTO migration_history (from_phase, to_phase, epoch, at, by_name) "
							+ "VALUES (?, ?, ?, ?, ?)")
					.params(transition.from().name(), transition.to().name(), transition.toEpoch(),
							UtcInstants.text(now), transition.requestedBy())
					.update();
				return true;
			}
			return this.sql
				.sql("SELECT COUNT(*) FROM migration_state WHERE id = 1 AND transition_id = ? AND epoch = ? "
						+ "AND phase = ?")
				.params(transition.id(), transition.toEpoch(), transition.to().name())
				.query(Long.class)
				.single() == 1;
		});
	}

	/**
	 * Ends a running transition, DONE or FAILED, and frees the migration for the next.
	 */
	void finish(long id, TransitionStatus end, List<Precondition> checked, String detail, Instant now) {
		this.transaction.executeWithoutResult((status) -> {
			this.sql
				.sql("UPDATE migration_transition SET status = ?, preconditions = ?, detail = ?, finished_at = ?, "
						+ "worker = NULL, lease_until = NULL WHERE id = ? AND status = 'RUNNING'")
				.params(end.name(), json(checked), detail, UtcInstants.text(now), id)
				.update();
			this.sql.sql("UPDATE migration_state SET transition_id = NULL WHERE id = 1 AND transition_id = ?")
				.param(id)
				.update();
		});
	}

	/**
	 * @return every phase change, oldest first
	 */
	public List<HistoryEntry> history() {
		return this.sql.sql("SELECT from_phase, to_phase, at, by_name FROM migration_history ORDER BY id")
			.query((rs, n) -> new HistoryEntry(Phase.valueOf(rs.getString(1)), Phase.valueOf(rs.getString(2)),
					UtcInstants.instant(rs.getObject(3, LocalDateTime.class)), rs.getString(4)))
			.list();
	}

	/**
	 * One phase change.
	 *
	 * @param from the phase left
	 * @param to the phase entered
	 * @param at when
	 * @param by the back-office user, or {@code cli}
	 */
	public record HistoryEntry(Phase from, Phase to, Instant at, String by) {
	}

	private static Transition transition(ResultSet rs, int row) throws SQLException {
		LocalDateTime finished = rs.getObject(8, LocalDateTime.class);
		return new Transition(rs.getLong(1), Phase.valueOf(rs.getString(2)), Phase.valueOf(rs.getString(3)),
				rs.getLong(4), TransitionStatus.valueOf(rs.getString(5)), rs.getString(6),
				UtcInstants.instant(rs.getObject(7, LocalDateTime.class)),
				(finished != null) ? UtcInstants.instant(finished) : null, preconditions(rs.getString(9)),
				rs.getString(10));
	}

	private static String json(List<Precondition> checked) {
		try {
			return JSON.writeValueAsString(checked);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Precondition> preconditions(String json) {
		if (json == null) {
			return List.of();
		}
		try {
			return JSON.readValue(json, PRECONDITIONS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable precondition report: " + json, ex);
		}
	}

}
