package com.couponplatform.phasemachine;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.MigrationProperties;
import com.couponplatform.migration.MigrationState;
import com.couponplatform.replication.Backfill;
import com.couponplatform.replication.CopyRemoval;

/**
 * The phase machine's parts over one global and one legacy database, put together once
 * for the services' configuration and for the CLI, which runs without Spring.
 */
public final class PhaseMachine {

	private final TransitionChecks checks;

	private final TransitionWorks works;

	private PhaseMachine(TransitionChecks checks, TransitionWorks works) {
		this.checks = checks;
		this.works = works;
	}

	/**
	 * @return the entry preconditions
	 */
	TransitionChecks checks() {
		return this.checks;
	}

	/**
	 * @return the transitions' work
	 */
	TransitionWorks works() {
		return this.works;
	}

	/**
	 * @param global the global database
	 * @param old the legacy database, or {@code null} in phase NONE
	 */
	/**
	 * @param copy the static copy, {@code null} where transitions are only planned
	 * @param removal the dynamic copy's removal, likewise
	 * @param backfillRanges how many ranges the backfill's plan cuts users and use-log
	 * rows into
	 */
	static PhaseMachine of(DataSource global, OldDatabase old, MigrationProperties properties, Clock clock,
			StaticCopy copy, CopyRemoval removal, int backfillRanges) {
		StaticChecksum checksum = (old != null) ? new StaticChecksum(old, global) : null;
		Backfill backfill = (old != null) ? new Backfill(JdbcClient.create(global), old.sql()) : null;
		return new PhaseMachine(new TransitionChecks(global, old, checksum, clock),
				new TransitionWorks(checksum, (old != null) ? new SingleWriterProof(old) : null,
						properties.getSingleWriterWindow(), copy, removal, properties.getProcessLease(), backfill,
						backfillRanges));
	}

	/**
	 * The use cases the CLI runs.
	 * @param global the global database
	 * @param old the legacy database, or {@code null} when none is configured
	 * @return requests and reads over them
	 */
	public static Cli cli(DataSource global, OldDatabase old, MigrationProperties properties, Clock clock) {
		PhaseMachine machine = of(global, old, properties, clock, null, null, 0);
		MigrationState state = new MigrationState(global);
		TransitionStore store = new TransitionStore(global);
		return new Cli(new RequestTransition(state, store, machine.checks, machine.works, clock),
				new ReadMigration(state, store, global, old, properties.getProcessLease()));
	}

	/**
	 * @param requests transitions recorded and planned
	 * @param reads the migration's status
	 */
	public record Cli(RequestTransition requests, ReadMigration reads) {
	}

}
