package com.couponplatform.migrationtool;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import com.couponplatform.migration.Phase;
import com.couponplatform.phasemachine.PhaseMachine;
import com.couponplatform.phasemachine.Precondition;
import com.couponplatform.phasemachine.ReadMigration;
import com.couponplatform.phasemachine.RequestTransition;
import com.couponplatform.phasemachine.Transition;
import com.couponplatform.phasemachine.TransitionStatus;
import com.couponplatform.replication.Backfill;
import com.couponplatform.replication.Backlog;
import com.couponplatform.replication.Verifications;
import com.couponplatform.shared.Problem;
import com.couponplatform.shared.RuleViolationException;

/**
 * {@code status} and {@code transition PHASE [--dry-run]}: the console's use cases
 * without HTTP, recorded as {@code cli}. A transition is waited for until it is DONE or
 * FAILED. Exit status: 0 done, 2 refused (a failed precondition, a stale phase, a
 * transition that failed), 1 error.
 */
final class PhaseCommands {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.findAndAddModules()
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private final PhaseMachine.Cli machine;

	private final Verifications verifications;

	private final PrintStream out;

	private final boolean json;

	private final Duration poll;

	PhaseCommands(PhaseMachine.Cli machine, Verifications verifications, PrintStream out, boolean json, Duration poll) {
		this.machine = machine;
		this.verifications = verifications;
		this.out = out;
		this.json = json;
		this.poll = poll;
	}

	int status() {
		ReadMigration.Status status = this.machine.reads().read();
		if (this.json) {
			return print(status);
		}
		if (status.phase() == Phase.NONE) {
			this.out.println("phase NONE: no migration is underway");
			return 0;
		}
		this.out.println("phase " + status.phase() + " (epoch " + status.epoch() + ") since " + status.enteredAt());
		this.out.println("next " + status.next() + ", rollback to " + status.rollbackTo());
		if (status.freeze() != null) {
			this.out.println("back office frozen since " + status.freeze().since());
		}
		if (status.transition() != null) {
			Transition last = status.transition();
			this.out.println("last transition " + last.id() + " " + last.from() + " → " + last.to() + " "
					+ last.status() + ": " + last.detail());
		}
		Backfill.Progress backfill = status.backfill();
		if (backfill.status() != Backfill.Status.IDLE) {
			this.out.println(
					"backfill " + backfill.status() + ": " + backfill.usersMigrated() + " of " + backfill.usersTotal()
							+ " users, " + backfill.rowsCopied() + " rows, " + backfill.perSecond() + " rows/s");
		}
		if (status.verification().lastId() != null) {
			this.out.println("last verification " + status.verification().lastId() + "; "
					+ status.verification().cleanRunsInARow() + " clean full runs in a row");
		}
		Backlog toNew = status.replication().toNew();
		if (status.phase().replicatesToNew() || toNew.pending() > 0) {
			this.out.println("replication to NEW: " + toNew.pending() + " changes pending, oldest " + toNew.lagMillis()
					+ " ms old");
		}
		status.processes()
			.forEach((process) -> this.out.println("process " + process.processId() + " at epoch " + process.epoch()));
		return 0;
	}

	int transition(String phase, boolean dryRun) throws InterruptedException {
		try {
			Phase to = RequestTransition.phase("PHASE", phase);
			if (dryRun) {
				RequestTransition.DryRun plan = this.machine.requests().dryRun(to, null);
				if (this.json) {
					print(plan);
				}
				else {
					this.out.println((plan.allowed() ? "allowed: " : "refused: ") + plan.from() + " → " + plan.to());
					preconditions(plan.preconditions());
					plan.plan().forEach((step) -> this.out.println("  then " + step));
				}
				return plan.allowed() ? 0 : 2;
			}
			Transition transition = this.machine.requests().request(to, null, "cli");
			if (!this.json) {
				this.out.println("transition " + transition.id() + " " + transition.from() + " → " + to + " recorded");
				if (this.machine.reads()
					.read()
					.processes()
					.stream()
					.noneMatch((process) -> "coupon-migration".equals(process.kind()))) {
					this.out.println("  no migration worker is running yet: start ./deploy/migrate.sh worker");
				}
			}
			Transition end = waitForEnd(() -> this.machine.requests().read(transition.id()));
			if (this.json) {
				print(end);
			}
			else {
				this.out.println("transition " + end.id() + " " + end.status() + ": " + end.detail());
				preconditions(end.preconditions());
			}
			return (end.status() == TransitionStatus.DONE) ? 0 : 2;
		}
		catch (RuleViolationException ex) {
			if (this.json) {
				print(Problem.of(ex));
			}
			else {
				this.out.println("refused (" + ex.code() + "): " + ex.getMessage());
				if (ex.preconditions() != null) {
					preconditions(ex.preconditions().stream().map(Precondition.class::cast).toList());
				}
			}
			return 2;
		}
	}

	int verify(Long fromUser, Long toUser) throws InterruptedException {
		try {
			Verifications.Report report = this.verifications.request(this.machine.reads().read().phase(), fromUser,
					toUser, "cli");
			if (!this.json) {
				this.out.println("verification " + report.id() + " recorded; the worker compares OLD and NEW");
			}
			long compared = -1;
			while (report.status() == Verifications.Status.RUNNING) {
				if (!this.json && report.usersCompared() != compared) {
					compared = report.usersCompared();
					this.out.println("  " + report.usersCompared() + " users, " + report.rowsCompared() + " rows");
				}
				Thread.sleep(this.poll.toMillis());
				report = this.verifications.read(report.id());
			}
			if (this.json) {
				print(report);
			}
			else {
				this.out.println("verification " + report.id() + " " + report.status() + ": " + report.usersCompared()
						+ " users, " + report.rowsCompared() + " rows compared; missing " + report.missing()
						+ ", extra " + report.extra() + ", mismatched " + report.mismatched() + ", misplaced "
						+ report.misplaced() + ((report.detail() != null) ? " (" + report.detail() + ")" : ""));
				report.differences()
					.forEach((difference) -> this.out
						.println("  " + difference.kind() + " " + difference.table() + " " + difference.key()
								+ ((difference.userId() != null) ? " user " + difference.userId() : "")));
			}
			return report.clean() ? 0 : 1;
		}
		catch (RuleViolationException ex) {
			if (this.json) {
				print(Problem.of(ex));
			}
			else {
				this.out.println("refused (" + ex.code() + "): " + ex.getMessage());
			}
			return 2;
		}
	}

	private Transition waitForEnd(Supplier<Transition> read) throws InterruptedException {
		String last = null;
		while (true) {
			Transition now = read.get();
			if (now.status() != TransitionStatus.RUNNING) {
				return now;
			}
			if (!this.json && now.detail() != null && !now.detail().equals(last)) {
				this.out.println("  " + now.detail());
				last = now.detail();
			}
			Thread.sleep(this.poll.toMillis());
		}
	}

	private void preconditions(List<Precondition> preconditions) {
		preconditions.forEach((check) -> this.out
			.println("  " + (check.holds() ? "holds " : "FAILS ") + check.name() + ": " + check.detail()));
	}

	private int print(Object value) {
		try {
			this.out.println(JSON.writeValueAsString(value));
			return 0;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
