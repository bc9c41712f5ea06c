package com.couponplatform.phasemachine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.couponplatform.migration.Phase;

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

	/**
	 * @param copy the static copy, or {@code null} in a process that only plans (the CLI)
	 */
	TransitionWorks(StaticChecksum checksum, SingleWriterProof proof, Duration singleWriterWindow, StaticCopy copy) {
		this.checksum = checksum;
		this.proof = proof;
		this.singleWriterWindow = singleWriterWindow;
		this.copy = copy;
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
			default -> List.of();
		});
		steps.add("raise OLD's phase fence to epoch " + (fromEpoch + 1) + " and enter " + to);
		steps.add("wait until every live api, admin and worker process acknowledges epoch " + (fromEpoch + 1));
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

	private static String key(Phase from, Phase to) {
		return from + ">" + to;
	}

}
