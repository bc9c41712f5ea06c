package com.couponplatform.phasemachine;

import java.time.Clock;
import java.util.List;

import com.couponplatform.migration.MigrationState;
import com.couponplatform.migration.Phase;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.ProblemCode;

/**
 * Records a transition for the worker, or plans one without changing anything (a dry
 * run): the same use case for the console's API and the CLI. The phase changes only when
 * the worker has done the transition's work and every process has caught up.
 */
public final class RequestTransition {

	private final MigrationState state;

	private final TransitionStore store;

	private final TransitionChecks checks;

	private final TransitionWorks works;

	private final Clock clock;

	RequestTransition(MigrationState state, TransitionStore store, TransitionChecks checks, TransitionWorks works,
			Clock clock) {
		this.state = state;
		this.store = store;
		this.checks = checks;
		this.works = works;
		this.clock = clock;
	}

	/**
	 * Reads a phase's name.
	 * @param field the input's name
	 * @param text the name
	 * @return the phase
	 * @throws InvalidInputException when it names no phase
	 */
	public static Phase phase(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		try {
			return Phase.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "is not a phase: " + List.of(Phase.values()));
		}
	}

	/**
	 * Plans a transition and checks its preconditions, changing nothing.
	 * @param to the phase asked for
	 * @param from the phase the caller believes current, or {@code null}
	 * @return the plan
	 */
	public DryRun dryRun(Phase to, Phase from) {
		MigrationState.Stored now = current(to, from);
		List<Precondition> checked = this.checks.entry(now.phase(), to);
		boolean running = now.transitionId() != null;
		boolean allowed = !running && checked.stream().allMatch(Precondition::holds);
		List<String> plan = this.works.plan(now.phase(), to, now.number());
		if (running) {
			plan = List.of("wait for transition " + now.transitionId() + ", running now, to end");
		}
		return new DryRun(now.phase(), to, allowed, checked, plan);
	}

	/**
	 * Records a transition, RUNNING, for the worker.
	 * @param to the phase asked for
	 * @param from the phase the caller believes current, or {@code null}
	 * @param by the back-office user, or {@code cli}
	 * @return the transition
	 * @throws TransitionRefusedException when a precondition fails, {@code from} is
	 * stale, another transition runs, or the phase cannot be reached from this one
	 */
	public Transition request(Phase to, Phase from, String by) {
		MigrationState.Stored now = current(to, from);
		if (now.transitionId() != null) {
			throw new TransitionRefusedException(ProblemCode.VERSION_CONFLICT,
					"Transition " + now.transitionId() + " is running; request the next one once it has ended");
		}
		List<Precondition> checked = this.checks.entry(now.phase(), to);
		List<String> failed = checked.stream().filter((check) -> !check.holds()).map(Precondition::name).toList();
		if (!failed.isEmpty()) {
			throw new TransitionRefusedException(ProblemCode.MIGRATION_PRECONDITION_FAILED,
					now.phase() + " → " + to + " is refused: " + String.join(", ", failed) + " failed", checked);
		}
		return this.store.open(now.phase(), to, now.number(), by, this.clock.instant(), checked);
	}

	/**
	 * @param id a transition
	 * @return it
	 * @throws TransitionNotFoundException when there is none
	 */
	public Transition read(long id) {
		return this.store.find(id).orElseThrow(() -> new TransitionNotFoundException(id));
	}

	private MigrationState.Stored current(Phase to, Phase from) {
		MigrationState.Stored now = this.state.read()
			.orElseThrow(() -> new TransitionRefusedException(ProblemCode.ILLEGAL_TRANSITION,
					"No migration is underway (phase NONE): configure COUPON_LEGACY_DB_NAME to begin one"));
		if (from != null && from != now.phase()) {
			throw new TransitionRefusedException(ProblemCode.VERSION_CONFLICT,
					"The phase is " + now.phase() + ", not " + from + ": read the migration again");
		}
		if (!now.phase().transitions().contains(to)) {
			throw new TransitionRefusedException(ProblemCode.ILLEGAL_TRANSITION,
					"From " + now.phase() + " a transition goes to " + now.phase().transitions() + ", not to " + to);
		}
		return now;
	}

	/**
	 * A dry run's answer.
	 *
	 * @param from the phase now
	 * @param to the phase asked for
	 * @param allowed whether the transition would be recorded now
	 * @param preconditions every precondition, checked
	 * @param plan what the transition would do, in order
	 */
	public record DryRun(Phase from, Phase to, boolean allowed, List<Precondition> preconditions, List<String> plan) {
	}

}
