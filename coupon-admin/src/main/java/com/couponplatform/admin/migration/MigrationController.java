package com.couponplatform.admin.migration;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.migration.Phase;
import com.couponplatform.migration.Side;
import com.couponplatform.phasemachine.Precondition;
import com.couponplatform.phasemachine.ReadMigration;
import com.couponplatform.phasemachine.RequestTransition;
import com.couponplatform.phasemachine.Transition;
import com.couponplatform.phasemachine.TransitionStatus;
import com.couponplatform.replication.Backfill;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;

/**
 * {@code /admin/api/v1/migration}: the migration's state, transitions requested (or
 * planned by a dry run) for the worker, and where one user stands. It records requests
 * and reports; the worker does the work (decision 4).
 */
@RestController
@RequestMapping("/admin/api/v1/migration")
class MigrationController {

	private final ReadMigration reads;

	private final RequestTransition requests;

	MigrationController(ReadMigration reads, RequestTransition requests) {
		this.reads = reads;
		this.requests = requests;
	}

	@GetMapping
	MigrationResponse status() {
		return MigrationResponse.of(this.reads.read());
	}

	/**
	 * A dry run answers 200 with the plan and changes nothing; a request answers 202 with
	 * the transition, RUNNING, at {@code Location}.
	 */
	@Refuses({ ProblemCode.MIGRATION_PRECONDITION_FAILED, ProblemCode.VERSION_CONFLICT,
			ProblemCode.ILLEGAL_TRANSITION })
	@ApiResponse(responseCode = "202", description = "the transition, RUNNING; follow it at Location")
	@ApiResponse(responseCode = "200", description = "a dry run's plan and preconditions")
	@PostMapping("/transitions")
	ResponseEntity<?> transition(@RequestBody TransitionRequest request, Principal operator) {
		Phase to = RequestTransition.phase("to", request.to());
		Phase from = (request.from() != null) ? RequestTransition.phase("from", request.from()) : null;
		if (Boolean.TRUE.equals(request.dryRun())) {
			return ResponseEntity.ok(this.requests.dryRun(to, from));
		}
		Transition transition = this.requests.request(to, from, operator.getName());
		return ResponseEntity.accepted()
			.location(URI.create("/admin/api/v1/migration/transitions/" + transition.id()))
			.body(TransitionResponse.of(transition));
	}

	@Refuses({ ProblemCode.NOT_FOUND })
	@GetMapping("/transitions/{id}")
	TransitionResponse transition(@PathVariable String id) {
		return TransitionResponse.of(this.requests.read(Ids.parse("id", id)));
	}

	@GetMapping("/users/{userId}")
	UserResponse user(@PathVariable String userId) {
		ReadMigration.UserStanding standing = this.reads.user(Ids.parse("userId", userId));
		return new UserResponse(Long.toString(standing.userId()), standing.side(), standing.migrated(),
				standing.readGray(), standing.writeGray());
	}

	/**
	 * @param to the phase asked for
	 * @param from the phase the caller believes current (optional; a stale one is 409)
	 * @param dryRun plan and check only, changing nothing
	 */
	record TransitionRequest(String to, String from, Boolean dryRun) {
	}

	/**
	 * A transition.
	 *
	 * @param id its ID
	 * @param from the phase it leaves
	 * @param to the phase it enters
	 * @param status RUNNING, DONE or FAILED
	 * @param preconditions every precondition checked so far
	 * @param detail what it is doing, or why it failed
	 * @param requestedBy the back-office user, or {@code cli}
	 * @param requestedAt when it was requested
	 * @param finishedAt when it ended
	 */
	record TransitionResponse(String id, Phase from, Phase to, TransitionStatus status,
			List<Precondition> preconditions, String detail, String requestedBy, Instant requestedAt,
			Instant finishedAt) {

		static TransitionResponse of(Transition transition) {
			return new TransitionResponse(Long.toString(transition.id()), transition.from(), transition.to(),
					transition.status(), transition.preconditions(), transition.detail(), transition.requestedBy(),
					transition.requestedAt(), transition.finishedAt());
		}

	}

	/**
	 * The migration (only {@code phase} in phase NONE).
	 *
	 * @param phase the phase
	 * @param epoch its epoch
	 * @param enteredAt when it was entered
	 * @param next the phase one step forward
	 * @param rollbackTo the phase its rollback lands in
	 * @param transition the last transition requested
	 * @param freeze since when the back office is frozen
	 * @param staticCopy the static copy per table (templates, scopes, blacklist, codes),
	 * once one was compared
	 * @param backfill the backfill's progress
	 * @param replication the changes not yet applied, each way ({@code pending} 0 =
	 * drained)
	 * @param verification the last verification run, and how many full runs in a row were
	 * clean since the backfill completed
	 * @param history every phase change
	 * @param processes the live processes, each with the epoch it acts on
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MigrationResponse(Phase phase, String epoch, Instant enteredAt, List<Phase> next, List<Phase> rollbackTo,
			@JsonInclude(JsonInclude.Include.ALWAYS) TransitionSummary transition,
			@JsonInclude(JsonInclude.Include.ALWAYS) ReadMigration.Freeze freeze,
			Map<String, CopiedTableResponse> staticCopy, Backfill.Progress backfill,
			ReadMigration.Replication replication, VerificationSummary verification, List<HistoryResponse> history,
			List<ProcessResponse> processes) {

		static MigrationResponse of(ReadMigration.Status status) {
			if (status.phase() == Phase.NONE) {
				return new MigrationResponse(Phase.NONE, null, null, null, null, null, null, null, null, null, null,
						null, null);
			}
			Transition last = status.transition();
			return new MigrationResponse(status.phase(), Long.toString(status.epoch()), status.enteredAt(),
					status.next(), status.rollbackTo(),
					(last != null)
							? new TransitionSummary(Long.toString(last.id()), last.to(), last.status(), last.detail())
							: null,
					status.freeze(),
					status.staticCopy().isEmpty() ? null : status.staticCopy()
						.entrySet()
						.stream()
						.collect(Collectors.toMap(Map.Entry::getKey,
								(table) -> new CopiedTableResponse(table.getValue().old(), table.getValue().copied(),
										table.getValue().equal()),
								(a, b) -> a, LinkedHashMap::new)),
					status.backfill(), status.replication(),
					new VerificationSummary((status.verification().lastId() != null)
							? Long.toString(status.verification().lastId()) : null,
							status.verification().cleanRunsInARow()),
					status.history()
						.stream()
						.map((entry) -> new HistoryResponse(entry.from(), entry.to(), entry.at(), entry.by()))
						.toList(),
					status.processes()
						.stream()
						.map((process) -> new ProcessResponse(process.processId(), process.kind(),
								Long.toString(process.epoch())))
						.toList());
		}

	}

	/**
	 * @param lastId the last verification run requested
	 * @param cleanRunsInARow full runs in a row, latest first, that were clean
	 */
	record VerificationSummary(@JsonInclude(JsonInclude.Include.ALWAYS) String lastId, int cleanRunsInARow) {
	}

	/**
	 * @param id the transition
	 * @param to the phase it enters
	 * @param status RUNNING, DONE or FAILED
	 * @param detail what it is doing, or why it failed
	 */
	record TransitionSummary(String id, Phase to, TransitionStatus status, String detail) {
	}

	/**
	 * @param old rows in OLD
	 * @param copied their copies in NEW
	 * @param equal whether counts and every per-row hash are equal
	 */
	record CopiedTableResponse(long old, @JsonProperty("new") long copied, boolean equal) {
	}

	/**
	 * @param from the phase left
	 * @param to the phase entered
	 * @param at when
	 * @param by the back-office user, or {@code cli}
	 */
	record HistoryResponse(Phase from, Phase to, Instant at, String by) {
	}

	/**
	 * @param processId the process
	 * @param kind coupon-api, coupon-admin or coupon-migration
	 * @param epoch the epoch it acknowledged last
	 */
	record ProcessResponse(String processId, String kind, String epoch) {
	}

	/**
	 * @param userId the user
	 * @param side the side serving them
	 * @param migrated whether their data is on NEW
	 * @param readGray whether their reads are in the read gray
	 * @param writeGray whether they are in the write gray
	 */
	record UserResponse(String userId, Side side, boolean migrated, boolean readGray, boolean writeGray) {
	}

}
