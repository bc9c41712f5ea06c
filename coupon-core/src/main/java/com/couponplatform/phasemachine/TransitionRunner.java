package com.couponplatform.phasemachine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.Epoch;
import com.couponplatform.migration.MigrationProperties;
import com.couponplatform.migration.MigrationState;
import com.couponplatform.migration.ProcessHeartbeats;

/**
 * The worker's loop (decision 4): it takes the running transition under a lease, checks
 * its preconditions again, does its work, raises OLD's phase fence, moves the phase, and
 * ends the transition DONE once every live process acknowledges the new epoch — or
 * FAILED, naming what failed, with the phase as it was. A worker killed at any point
 * leaves a transition whose lease expires; the next worker runs its (idempotent) work
 * again, or, when the phase had moved already, only waits for the processes.
 */
final class TransitionRunner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TransitionRunner.class);

	/** A process silent this long is gone: its heartbeat row is removed. */
	private static final Duration FORGET_AFTER = Duration.ofHours(1);

	private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

	private final MigrationState state;

	private final TransitionStore store;

	private final TransitionChecks checks;

	private final TransitionWorks works;

	private final OldDatabase old;

	private final DataSource global;

	private final MigrationProperties properties;

	private final Clock clock;

	private final String worker;

	private volatile Thread thread;

	TransitionRunner(MigrationState state, TransitionStore store, TransitionChecks checks, TransitionWorks works,
			OldDatabase old, DataSource global, MigrationProperties properties, Clock clock, String worker) {
		this.state = state;
		this.store = store;
		this.checks = checks;
		this.works = works;
		this.old = old;
		this.global = global;
		this.properties = properties;
		this.clock = clock;
		this.worker = worker;
	}

	/**
	 * Runs the transition that is running, if this worker can hold it, to its end.
	 * @return whether a transition was run
	 */
	boolean runOnce() throws InterruptedException {
		Optional<Transition> running = this.store.running();
		if (running.isEmpty() || !hold(running.get().id())) {
			return false;
		}
		run(running.get());
		return true;
	}

	private void run(Transition transition) throws InterruptedException {
		WorkerLease lease = () -> {
			if (!hold(transition.id())) {
				throw new WorkerLease.LostException(transition.id());
			}
		};
		MigrationState.Stored now = this.state.read().orElseThrow();
		List<Precondition> checked = new ArrayList<>(transition.preconditions());
		if (now.number() == transition.fromEpoch() && now.phase() == transition.from()) {
			checked = new ArrayList<>(this.checks.entry(transition.from(), transition.to()));
			if (failed(transition, checked)) {
				return;
			}
			this.store.report(transition.id(), checked, "doing the transition's work");
			try {
				checked.addAll(this.works.run(transition, lease));
			}
			catch (DataAccessException | WorkerLease.LostException | InterruptedException ex) {
				// Not the transition's fault: run again by this worker or the next (or,
				// the
				// lease lost, by the worker that holds it now).
				throw ex;
			}
			catch (RuntimeException ex) {
				logger.error("Transition {} failed", transition.id(), ex);
				this.works.undo(transition);
				fail(transition, checked, "the work failed: " + ex.getMessage());
				return;
			}
			if (checked.stream().anyMatch((check) -> !check.holds())) {
				this.works.undo(transition);
				failed(transition, checked);
				return;
			}
			lease.renew();
			this.old.fencePhase(new Epoch(transition.to(), transition.toEpoch()));
			if (!this.store.enter(transition, this.clock.instant())) {
				fail(transition, checked, "the phase moved while the transition ran");
				return;
			}
		}
		else if (now.number() == transition.toEpoch() && now.phase() == transition.to()) {
			// Entered by a worker that died before the end: the fence may be behind.
			this.old.fencePhase(new Epoch(transition.to(), transition.toEpoch()));
		}
		else {
			fail(transition, checked, "the phase is " + now.phase() + " at epoch " + now.number()
					+ ", neither the transition's start nor its end");
			return;
		}
		awaitProcesses(transition, checked, lease);
		checked.addAll(this.works.afterEntered(transition));
		this.store.finish(transition.id(), TransitionStatus.DONE, checked,
				"entered " + transition.to() + " at epoch " + transition.toEpoch(), this.clock.instant());
		logger.info("Transition {} {} → {} done at epoch {}", transition.id(), transition.from(), transition.to(),
				transition.toEpoch());
	}

	private void awaitProcesses(Transition transition, List<Precondition> checked, WorkerLease lease)
			throws InterruptedException {
		while (true) {
			List<String> behind = ProcessHeartbeats.behind(this.global, transition.toEpoch(),
					this.properties.getProcessLease());
			if (behind.isEmpty()) {
				return;
			}
			this.store.report(transition.id(), checked, "entered " + transition.to() + "; waiting for " + behind.size()
					+ " processes to acknowledge epoch " + transition.toEpoch() + ": " + behind);
			lease.renew();
			Thread.sleep(this.properties.getPoll().toMillis());
		}
	}

	private boolean failed(Transition transition, List<Precondition> checked) {
		List<String> failed = checked.stream().filter((check) -> !check.holds()).map(Precondition::name).toList();
		if (failed.isEmpty()) {
			return false;
		}
		fail(transition, checked, "precondition failed: " + String.join(", ", failed));
		return true;
	}

	private void fail(Transition transition, List<Precondition> checked, String detail) {
		// A worker killed after raising the fence left it ahead of the phase.
		this.old.fencePhase(new Epoch(transition.from(), transition.fromEpoch()));
		this.store.finish(transition.id(), TransitionStatus.FAILED, checked, detail, this.clock.instant());
		logger.warn("Transition {} {} → {} failed: {}", transition.id(), transition.from(), transition.to(), detail);
	}

	private boolean hold(long id) {
		return this.store.hold(id, this.worker, this.properties.getTransitionLease());
	}

	private void loop() {
		long prunedAt = System.nanoTime() - PRUNE_EVERY.toNanos() - 1;
		while (!Thread.currentThread().isInterrupted()) {
			try {
				if (System.nanoTime() - prunedAt > PRUNE_EVERY.toNanos()) {
					ProcessHeartbeats.prune(this.global, FORGET_AFTER);
					prunedAt = System.nanoTime();
				}
				if (!runOnce()) {
					Thread.sleep(this.properties.getPoll().toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				logger.warn("Transition round failed; trying again: {}", ex.toString());
				try {
					Thread.sleep(Duration.ofSeconds(1).toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	@Override
	public void start() {
		Thread loop = new Thread(this::loop, "migration-worker");
		loop.setDaemon(true);
		this.thread = loop;
		loop.start();
	}

	@Override
	public void stop() {
		Thread loop = this.thread;
		this.thread = null;
		if (loop != null) {
			loop.interrupt();
			try {
				loop.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

}
