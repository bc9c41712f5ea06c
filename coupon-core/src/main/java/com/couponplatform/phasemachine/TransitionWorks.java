package com.couponplatform.phasemachine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.couponplatform.migration.Phase;
import com.couponplatform.replication.Backfill;
import com.couponplatform.replication.CopyRemoval;

/**
 * What each transition does between its checks and its phase change, and how it says so
 * in a dry run's plan. Every work is idempotent: a worker killed during it is replaced,
 * and the work runs again from its start.
 */
final class TransitionWorks {

	private final StaticChecksum checksum;

	private final SingleWriterProof proof;

	private final Duration singleWriterWindow;

	private final StaticCopy copy;

	private final CopyRemoval removal;

	private final Duration settle;

	private final Backfill backfill;

	private final int backfillRanges;

	/**
	 * @param copy the static copy, or {@code null} in a process that only plans (the CLI)
	 * @param removal the removal of NEW's dynamic copy, or {@code null} in a process that
	 * only plans
	 * @param settle how long a straggling applier may still commit after every process
	 * left a replicating phase
	 */
	TransitionWorks(StaticChecksum checksum, SingleWriterProof proof, Duration singleWriterWindow, StaticCopy copy,
			CopyRemoval removal, Duration settle, Backfill backfill, int backfillRanges) {
		this.backfill = backfill;
		this.backfillRanges = backfillRanges;
		this.checksum = checksum;
		this.proof = proof;
		this.singleWriterWindow = singleWriterWindow;
		this.copy = copy;
		this.removal = removal;
		this.settle = settle;
	}

	/**
	 * @return the transition's plan, its phase change and acknowledgement included
	 */
	List<String> plan(Phase from, Phase to, long fromEpoch) {
		List<String> steps = new ArrayList<>(switch (key(from, to)) {
			case "LEGACY>STATIC_FROZEN" -> List.of("check that no issuance job or code batch runs",
					"record the checksum of OLD's static rows (templates without taken_count and update_time, scopes, "
							+ "the goods blacklist, each code's code, tpl_id and batch_no)");
			case "STATIC_FROZEN>LEGACY" ->
				List.of("drop the freeze's checksum; the back office stays frozen in LEGACY");
			case "STATIC_FROZEN>SINGLE_WRITE_OLD" -> List.of("check the static rows against the freeze's checksum",
					"check that OLD's largest coupon and use-log IDs lie below the generator's floor",
					"watch OLD's coupon tables for " + this.singleWriterWindow
							+ ": every row that changes must be in the gateway's journal (the monolith's coupon writes "
							+ "must be switched off before)",
					"from then on the gateway gives new legacy rows generator IDs");
			case "SINGLE_WRITE_OLD>STATIC_FROZEN" -> List
				.of("the gateway gives new legacy rows OLD's AUTO_INCREMENT IDs again; switch the monolith's coupon "
						+ "writes back on only once the phase is STATIC_FROZEN");
			case "STATIC_COPIED>DUAL_WRITE" -> List.of("check the static rows against the freeze's checksum",
					"from then on every gateway write on OLD also appends its change to OLD's outbox in the same "
							+ "transaction; the worker relays the changes over RocketMQ and applies them to NEW, "
							+ "copying each changed user whole");
			case "DUAL_WRITE>BACKFILL" -> List.of(
					"plan the backfill: OLD's users and use-log rows cut into ranges, and the codes",
					"once in BACKFILL the worker copies every range user by user in key order, checkpointed, "
							+ "throttled and paused while the replication lags; a user who writes first is copied by "
							+ "the applier");
			case "BACKFILL>VERIFIED" -> List.of("check that the backfill is complete and that the last two "
					+ "verification runs over every user since then were clean");
			default -> List.of();
		});
		steps.add("raise OLD's phase fence to epoch " + (fromEpoch + 1) + " and enter " + to);
		steps.add("wait until every live api, admin and worker process acknowledges epoch " + (fromEpoch + 1));
		if (removesCopy(from, to)) {
			steps.add("stop relaying; remove OLD's pending changes and NEW's copy of users' coupons, use log, "
					+ "order locks, redemption requests and code redemptions (OLD stayed complete)");
		}
		return steps;
	}

	/**
	 * Does a transition's work.
	 * @return the preconditions the work established, each holding or not
	 */
	List<Precondition> run(Transition transition, WorkerLease lease) throws InterruptedException {
		return switch (key(transition.from(), transition.to())) {
			case "LEGACY>STATIC_FROZEN" -> {
				Map<String, Integer> counts = this.checksum.record();
				yield List.of(Precondition.of("static-checksum-recorded", true, "recorded " + counts));
			}
			case "STATIC_FROZEN>LEGACY" -> {
				this.checksum.drop();
				yield List.of();
			}
			case "STATIC_FROZEN>SINGLE_WRITE_OLD" -> List.of(this.proof.observe(this.singleWriterWindow, lease));
			case "SINGLE_WRITE_OLD>STATIC_COPIED" -> this.copy.copy(lease);
			case "DUAL_WRITE>BACKFILL" -> {
				long users = this.backfill.plan(transition.toEpoch(), this.backfillRanges);
				yield List.of(Precondition.of("backfill-planned", true, users + " legacy users to copy"));
			}
			case "STATIC_COPIED>SINGLE_WRITE_OLD" -> {
				this.copy.remove();
				yield List.of();
			}
			default -> List.of();
		};
	}

	/**
	 * Takes back what a failed transition's work wrote, so that a failure leaves nothing
	 * half-applied.
	 */
	void undo(Transition transition) {
		if ("SINGLE_WRITE_OLD>STATIC_COPIED".equals(key(transition.from(), transition.to()))) {
			this.copy.remove();
		}
	}

	/**
	 * Does what a transition does once every process acts on its epoch: a rollback out of
	 * the replicating phases removes NEW's dynamic copy then, when nothing writes it any
	 * more. Idempotent, like the work.
	 * @return the preconditions it established
	 */
	List<Precondition> afterEntered(Transition transition) throws InterruptedException {
		if (!removesCopy(transition.from(), transition.to())) {
			return List.of();
		}
		long removed = this.removal.remove();
		Thread.sleep(this.settle.toMillis());
		removed += this.removal.remove();
		return List.of(Precondition.of("new-dynamic-copy-removed", true,
				"removed " + removed + " rows of NEW's copy and OLD's pending changes"));
	}

	private static boolean removesCopy(Phase from, Phase to) {
		return to == Phase.STATIC_COPIED && from.compareTo(Phase.STATIC_COPIED) > 0;
	}

	private static String key(Phase from, Phase to) {
		return from + ">" + to;
	}

}
