package com.couponplatform.admin.issuance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.couponplatform.issuance.ControlIssuanceJob;
import com.couponplatform.issuance.CreateIssuanceJob;
import com.couponplatform.issuance.IssuanceJob;
import com.couponplatform.issuance.IssuanceProperties;
import com.couponplatform.issuance.IssuanceStatus;
import com.couponplatform.issuance.ReadIssuanceJob;
import com.couponplatform.issuance.TargetLines;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.Instants;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;

/**
 * {@code /admin/api/v1/issuance-jobs}: create a job from a JSON list of user IDs or a CSV
 * upload (streamed), follow it, pause, resume or cancel it.
 */
@RestController
@RequestMapping("/admin/api/v1/issuance-jobs")
class IssuanceJobController {

	private final CreateIssuanceJob createJob;

	private final ReadIssuanceJob readJob;

	private final ControlIssuanceJob controlJob;

	private final IssuanceProperties properties;

	private final Clock clock;

	IssuanceJobController(CreateIssuanceJob createJob, ReadIssuanceJob readJob, ControlIssuanceJob controlJob,
			IssuanceProperties properties, Clock clock) {
		this.createJob = createJob;
		this.controlJob = controlJob;
		this.readJob = readJob;
		this.properties = properties;
		this.clock = clock;
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.TEMPLATE_NOT_ACTIVE, ProblemCode.SOLD_OUT,
			ProblemCode.UNSUPPORTED_MEDIA_TYPE })
	@ApiResponse(responseCode = "202", description = "the job; follow it at Location", useReturnTypeSchema = true)
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JobResponse> createFromJson(@RequestBody JobRequest request, Principal operator) {
		long templateId = Ids.parse("templateId", request.templateId());
		if (request.tagExpression() != null) {
			if (request.userIds() != null) {
				throw new InvalidInputException("userIds", "must not be sent with a tagExpression");
			}
			return accepted(this.createJob.createForSegment(templateId, request.tagExpression(),
					Instants.parseOptional("startAt", request.startAt()), operator.getName()));
		}
		if (request.userIds() == null || request.userIds().size() > this.properties.getMaxJsonUsers()) {
			throw new InvalidInputException("userIds",
					"must list 1 to " + this.properties.getMaxJsonUsers() + " user IDs; upload a CSV file for more");
		}
		return accepted(this.createJob.create(templateId, TargetLines.of(request.userIds()),
				Instants.parseOptional("startAt", request.startAt()), operator.getName()));
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.TEMPLATE_NOT_ACTIVE, ProblemCode.SOLD_OUT,
			ProblemCode.UNSUPPORTED_MEDIA_TYPE })
	@ApiResponse(responseCode = "202", description = "the job; follow it at Location", useReturnTypeSchema = true)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class)))
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<JobResponse> createFromCsv(@Parameter(hidden = true) @RequestPart("file") MultipartFile file,
			@Parameter(hidden = true) @RequestParam("templateId") String templateId,
			@Parameter(hidden = true) @RequestParam(name = "startAt", required = false) String startAt,
			Principal operator) throws IOException {
		long template = Ids.parse("templateId", templateId);
		try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			return accepted(this.createJob.create(template, TargetLines.ofCsv(csv),
					Instants.parseOptional("startAt", startAt), operator.getName()));
		}
	}

	@Refuses({ ProblemCode.NOT_FOUND })
	@GetMapping("/{id}")
	JobResponse get(@PathVariable String id) {
		return JobResponse.of(this.readJob.read(Ids.parse("id", id)), this.clock.instant());
	}

	/**
	 * The job's refused input lines as CSV ({@code line,content,reason}), streamed.
	 */
	@Refuses({ ProblemCode.NOT_FOUND })
	@GetMapping(value = "/{id}/failures.csv", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> failures(@PathVariable String id) {
		return FailuresCsv.download(this.readJob, Ids.parse("id", id));
	}

	@Refuses({ ProblemCode.NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/{id}/pause")
	JobResponse pause(@PathVariable String id) {
		return JobResponse.of(this.controlJob.pause(Ids.parse("id", id)), this.clock.instant());
	}

	@Refuses({ ProblemCode.NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/{id}/resume")
	JobResponse resume(@PathVariable String id) {
		return JobResponse.of(this.controlJob.resume(Ids.parse("id", id)), this.clock.instant());
	}

	@Refuses({ ProblemCode.NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/{id}/retry-failures")
	JobResponse retryFailures(@PathVariable String id) {
		return JobResponse.of(this.controlJob.retryFailures(Ids.parse("id", id)), this.clock.instant());
	}

	@Refuses({ ProblemCode.NOT_FOUND, ProblemCode.ILLEGAL_TRANSITION })
	@PostMapping("/{id}/cancel")
	JobResponse cancel(@PathVariable String id) {
		return JobResponse.of(this.controlJob.cancel(Ids.parse("id", id)), this.clock.instant());
	}

	private ResponseEntity<JobResponse> accepted(IssuanceJob job) {
		return ResponseEntity.accepted()
			.location(URI.create("/admin/api/v1/issuance-jobs/" + job.id()))
			.body(JobResponse.of(job, this.clock.instant()));
	}

	/**
	 * A JSON job.
	 *
	 * @param templateId the template
	 * @param userIds the users
	 * @param tagExpression a tag segment of the local tag store, instead of userIds
	 * @param startAt when to start, or {@code null} for at once
	 */
	record JobRequest(String templateId, List<String> userIds, String tagExpression, String startAt) {
	}

	/**
	 * The job resource.
	 *
	 * @param id the job
	 * @param templateId its template
	 * @param status where it is
	 * @param total distinct valid users
	 * @param processed users written
	 * @param issued coupons issued
	 * @param duplicates users the input repeated, sent once
	 * @param rejected input lines that were not user IDs
	 * @param failed users that could not be issued
	 * @param returned units a cancellation gave back to the template's stock
	 * @param perSecond coupons per second while it ran
	 * @param startAt when it starts
	 * @param createdAt when it was created
	 * @param finishedAt when it ended
	 */
	record JobResponse(String id, String templateId, IssuanceStatus status, long total, long processed, long issued,
			long duplicates, long rejected, long failed, long returned, double perSecond, Instant startAt,
			Instant createdAt, Instant finishedAt) {

		/** The status and rate as the job page shows them (JobProgress). */
		static JobResponse of(IssuanceJob job, Instant now) {
			JobProgress progress = JobProgress.of(job, now);
			return new JobResponse(Long.toString(job.id()), Long.toString(job.templateId()), progress.status(),
					job.total(), job.processed(), job.issued(), job.duplicates(), job.rejected(), job.failed(),
					job.returned(), progress.perSecond(), job.startAt(), job.createdAt(), job.finishedAt());
		}

	}

	/**
	 * An issuance job from a file: the form's parts (its OpenAPI description; the handler
	 * reads the parts themselves).
	 *
	 * @param file a CSV file, one user ID in the first column of each line
	 * @param templateId the template to issue
	 * @param startAt when to start (default now)
	 */
	record UploadForm(@Schema(type = "string", format = "binary") byte[] file, String templateId, String startAt) {
	}

}
