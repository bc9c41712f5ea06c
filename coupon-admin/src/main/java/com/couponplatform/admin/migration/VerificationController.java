package com.couponplatform.admin.migration;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.couponplatform.phasemachine.ReadMigration;
import com.couponplatform.replication.Difference;
import com.couponplatform.replication.Verifications;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;

/**
 * {@code /admin/api/v1/migration/verifications}: verification runs requested for the
 * worker (one at a time) and their reports.
 */
@RestController
@RequestMapping("/admin/api/v1/migration/verifications")
class VerificationController {

	private final Verifications verifications;

	private final ReadMigration reads;

	VerificationController(Verifications verifications, ReadMigration reads) {
		this.verifications = verifications;
		this.reads = reads;
	}

	/**
	 * Records a run over every user (and the codes), or over a range of user IDs.
	 */
	@Refuses({ ProblemCode.VERSION_CONFLICT, ProblemCode.MIGRATION_PRECONDITION_FAILED })
	@ApiResponse(responseCode = "202", description = "the run, RUNNING; follow it at Location")
	@PostMapping
	ResponseEntity<VerificationResponse> request(@RequestBody(required = false) VerificationRequest request,
			Principal operator) {
		Long from = (request != null && request.fromUserId() != null) ? Ids.parse("fromUserId", request.fromUserId())
				: null;
		Long to = (request != null && request.toUserId() != null) ? Ids.parse("toUserId", request.toUserId()) : null;
		Verifications.Report report = this.verifications.request(this.reads.read().phase(), from, to,
				operator.getName());
		return ResponseEntity.accepted()
			.location(URI.create("/admin/api/v1/migration/verifications/" + report.id()))
			.body(VerificationResponse.of(report));
	}

	@Refuses({ ProblemCode.NOT_FOUND })
	@GetMapping("/{id}")
	VerificationResponse read(@PathVariable String id) {
		return VerificationResponse.of(this.verifications.read(Ids.parse("id", id)));
	}

	/**
	 * @param fromUserId the first user to compare (optional)
	 * @param toUserId the last (optional)
	 */
	record VerificationRequest(String fromUserId, String toUserId) {
	}

	/**
	 * A run's report.
	 *
	 * @param id the run
	 * @param status RUNNING, DONE or FAILED
	 * @param usersCompared users compared so far
	 * @param rowsCompared rows compared so far
	 * @param missing confirmed rows in OLD, not in NEW
	 * @param extra confirmed rows in NEW, not in OLD
	 * @param mismatched confirmed rows that differ
	 * @param misplaced confirmed rows in a physical table their key does not route to
	 * @param clean whether it ended with no difference
	 * @param detail why it failed
	 * @param differences the first 1,000 confirmed differences
	 */
	record VerificationResponse(String id, Verifications.Status status, long usersCompared, long rowsCompared,
			long missing, long extra, long mismatched, long misplaced, boolean clean, String detail,
			List<DifferenceResponse> differences) {

		static VerificationResponse of(Verifications.Report report) {
			return new VerificationResponse(Long.toString(report.id()), report.status(), report.usersCompared(),
					report.rowsCompared(), report.missing(), report.extra(), report.mismatched(), report.misplaced(),
					report.clean(), report.detail(),
					report.differences().stream().map(DifferenceResponse::of).toList());
		}

	}

	/**
	 * @param kind MISSING, EXTRA, MISMATCHED or MISPLACED
	 * @param table the legacy table
	 * @param key the row's key there (docs/migration.md)
	 * @param userId the row's user; {@code null} for a code's row
	 */
	record DifferenceResponse(Difference.Kind kind, String table, String key, String userId) {

		static DifferenceResponse of(Difference difference) {
			return new DifferenceResponse(difference.kind(), difference.table(), difference.key(),
					(difference.userId() != null) ? Long.toString(difference.userId()) : null);
		}

	}

}
