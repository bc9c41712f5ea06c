package com.couponplatform.migration;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.persistence.UtcInstants;

/**
 * The migration's row in the global database ({@code migration_state}): absent in phase
 * NONE, written once when a process first starts with a legacy database; the phase
 * machine ({@code phasemachine}) moves its phase and epoch.
 */
public final class MigrationState {

	/** The epoch a migration starts at: every write of phase NONE was decided under 0. */
	static final long FIRST_EPOCH = 1;

	private final JdbcClient sql;

	/**
	 * @param global the global database
	 */
	public MigrationState(DataSource global) {
		this.sql = JdbcClient.create(global);
	}

	/**
	 * @return the migration underway, or empty in phase NONE
	 */
	public Optional<Stored> read() {
		return this.sql
			.sql("SELECT phase, epoch, legacy_database, entered_at, entered_by, transition_id, began_at "
					+ "FROM migration_state WHERE id = 1")
			.query((rs, n) -> new Stored(Phase.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
					UtcInstants.instant(rs.getObject(4, LocalDateTime.class)), rs.getString(5),
					rs.getObject(6, Long.class), UtcInstants.instant(rs.getObject(7, LocalDateTime.class))))
			.optional();
	}

	/**
	 * Records that a migration from a legacy database begins, unless one is recorded
	 * already (two processes starting at once record one).
	 * @param legacyDatabase the legacy database's name
	 * @param now the instant
	 * @param by who started it
	 * @return the migration as stored now
	 */
	Stored begin(String legacyDatabase, Instant now, String by) {
		this.sql
			.sql("INSERT IGNORE INTO migration_state (id, phase, epoch, legacy_database, entered_at, entered_by, "
					+ "began_at) VALUES (1, ?, ?, ?, ?, ?, ?)")
			.params(Phase.LEGACY.name(), FIRST_EPOCH, legacyDatabase, UtcInstants.text(now), by, UtcInstants.text(now))
			.update();
		return read().orElseThrow();
	}

	/**
	 * Ends a migration that has moved nothing yet: in phase LEGACY the legacy database is
	 * complete and NEW holds nothing of any user, so the platform can go back to NEW
	 * alone.
	 * @return whether a migration in phase LEGACY was ended
	 */
	public boolean abandonInLegacy() {
		boolean abandoned = this.sql
			.sql("DELETE FROM migration_state WHERE id = 1 AND phase = ? AND transition_id IS NULL")
			.param(Phase.LEGACY.name())
			.update() == 1;
		if (abandoned) {
			// A migration begun again starts with a history of its own.
			for (String table : List.of("migration_transition", "migration_history", "migration_static_checksum")) {
				this.sql.sql("DELETE FROM " + table).update();
			}
		}
		return abandoned;
	}

	/**
	 * The migration underway.
	 *
	 * @param phase its phase
	 * @param number its epoch's number
	 * @param legacyDatabase the legacy database it moves out of
	 * @param enteredAt when the phase was entered
	 * @param enteredBy who entered it
	 * @param transitionId the transition running, or {@code null}
	 * @param beganAt when the migration began: the back office is frozen since
	 */
	public record Stored(Phase phase, long number, String legacyDatabase, Instant enteredAt, String enteredBy,
			Long transitionId, Instant beganAt) {

		/**
		 * @return the epoch processes act on
		 */
		public Epoch epoch() {
			return new Epoch(this.phase, this.number);
		}

	}

}
