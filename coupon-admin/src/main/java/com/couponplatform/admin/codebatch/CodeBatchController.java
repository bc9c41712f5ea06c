package com.couponplatform.admin.codebatch;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;

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

import com.couponplatform.issuance.TargetLines;
import com.couponplatform.redemption.CodeBatch;
import com.couponplatform.redemption.CodeBatchSource;
import com.couponplatform.redemption.CodeBatchStatus;
import com.couponplatform.redemption.CreateCodeBatch;
import com.couponplatform.redemption.NewCodeBatch;
import com.couponplatform.redemption.ReadCodeBatch;
import com.couponplatform.shared.Ids;
import com.couponplatform.shared.Instants;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.Refuses;

/**
 * {@code /admin/api/v1/code-batches}: generate codes (JSON) or import them (multipart
 * CSV), read a batch's progress and counters, export its codes as CSV (streamed).
 */
@RestController
@RequestMapping("/admin/api/v1/code-batches")
class CodeBatchController {

	private final CreateCodeBatch createBatch;

	private final ReadCodeBatch readBatch;

	CodeBatchController(CreateCodeBatch createBatch, ReadCodeBatch readBatch) {
		this.createBatch = createBatch;
		this.readBatch = readBatch;
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.TEMPLATE_NOT_ACTIVE, ProblemCode.SOLD_OUT,
			ProblemCode.UNSUPPORTED_MEDIA_TYPE })
	@ApiResponse(responseCode = "202", description = "the batch, GENERATING; follow it at Location",
			useReturnTypeSchema = true)
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BatchResponse> generate(@RequestBody BatchRequest request, Principal operator) {
		if (request.quantity() == null) {
			throw new InvalidInputException("quantity", "is required");
		}
		NewCodeBatch batch = new NewCodeBatch(Ids.parse("templateId", request.templateId()), request.quantity(),
				request.length(), request.prefix(), request.checkCharacter(), request.usesPerCode(),
				Instants.parseOptional("validFrom", request.validFrom()),
				Instants.parseOptional("validUntil", request.validUntil()));
		return accepted(this.createBatch.generate(batch, operator.getName()));
	}

	@Refuses({ ProblemCode.TEMPLATE_NOT_FOUND, ProblemCode.TEMPLATE_NOT_ACTIVE, ProblemCode.SOLD_OUT,
			ProblemCode.UNSUPPORTED_MEDIA_TYPE })
	@ApiResponse(responseCode = "202", description = "the batch, its codes stored", useReturnTypeSchema = true)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = ImportForm.class)))
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<BatchResponse> importCodes(@Parameter(hidden = true) @RequestPart("file") MultipartFile file,
			@Parameter(hidden = true) @RequestParam("templateId") String templateId,
			@Parameter(hidden = true) @RequestParam(name = "usesPerCode", required = false) String usesPerCode,
			@Parameter(hidden = true) @RequestParam(name = "validFrom", required = false) String validFrom,
			@Parameter(hidden = true) @RequestParam(name = "validUntil", required = false) String validUntil,
			Principal operator) throws IOException {
		NewCodeBatch batch = new NewCodeBatch(Ids.parse("templateId", templateId), 0, null, null, null,
				uses(usesPerCode), Instants.parseOptional("validFrom", validFrom),
				Instants.parseOptional("validUntil", validUntil));
		try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			return accepted(this.createBatch.importCodes(batch, TargetLines.ofCsv(csv), operator.getName()));
		}
	}

	@Refuses({ ProblemCode.NOT_FOUND })
	@GetMapping("/{id}")
	BatchResponse get(@PathVariable String id) {
		return BatchResponse.of(this.readBatch.read(Ids.parse("id", id)));
	}

	/**
	 * The batch's codes as CSV ({@code code,usesLeft}), streamed; only once they are all
	 * there (ACTIVE or ENDED).
	 */
	@Refuses({ ProblemCode.NOT_FOUND })
	@GetMapping(value = "/{id}/codes.csv", produces = "text/csv")
	ResponseEntity<StreamingResponseBody> codes(@PathVariable String id) {
		return CodesCsv.download(this.readBatch, Ids.parse("id", id));
	}

	private static ResponseEntity<BatchResponse> accepted(CodeBatch batch) {
		return ResponseEntity.accepted()
			.location(URI.create("/admin/api/v1/code-batches/" + batch.id()))
			.body(BatchResponse.of(batch));
	}

	private static Integer uses(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("usesPerCode", "must be a whole number");
		}
	}

	/**
	 * A batch to generate.
	 *
	 * @param templateId the template whose coupon a code gives
	 * @param quantity codes to generate, 1 to 10,000,000
	 * @param length random symbols per code, 8 to 32 (default 12)
	 * @param prefix an optional prefix (Crockford base32)
	 * @param checkCharacter whether codes end with a check character (default yes)
	 * @param usesPerCode redemptions per code, by different users (default 1)
	 * @param validFrom first redeemable instant (default now)
	 * @param validUntil when the codes stop being redeemable (default: the template's end
	 * of claims)
	 */
	record BatchRequest(String templateId, Long quantity, Integer length, String prefix, Boolean checkCharacter,
			Integer usesPerCode, String validFrom, String validUntil) {
	}

	/**
	 * The batch resource.
	 *
	 * @param id the batch
	 * @param templateId its template
	 * @param source generated or imported
	 * @param status GENERATING, ACTIVE or ENDED
	 * @param quantity codes asked for (generated) or imported
	 * @param generated codes stored so far
	 * @param redeemed coupons its codes gave
	 * @param remaining uses neither redeemed nor given back
	 * @param returned units given back to the template when the batch ended
	 * @param usesPerCode redemptions per code
	 * @param length random symbols per generated code
	 * @param prefix prefix of generated codes
	 * @param checkCharacter whether generated codes end with a check character
	 * @param collisions random draws that hit an existing code and were drawn again
	 * @param duplicates imported lines whose code was repeated or stored already
	 * @param rejected imported lines that were not a code
	 * @param validFrom first redeemable instant
	 * @param validUntil when its codes stop being redeemable
	 * @param createdAt when it was created
	 * @param finishedAt when its codes were complete
	 */
	record BatchResponse(String id, String templateId, CodeBatchSource source, CodeBatchStatus status, long quantity,
			long generated, long redeemed, long remaining, long returned, int usesPerCode, Integer length,
			String prefix, boolean checkCharacter, long collisions, long duplicates, long rejected, Instant validFrom,
			Instant validUntil, Instant createdAt, Instant finishedAt) {

		static BatchResponse of(CodeBatch batch) {
			return new BatchResponse(Long.toString(batch.id()), Long.toString(batch.templateId()), batch.source(),
					batch.status(), batch.quantity(), batch.generated(), batch.redeemed(), batch.remaining(),
					batch.returned(), batch.usesPerCode(), batch.length(), batch.prefix(), batch.checkCharacter(),
					batch.collisions(), batch.duplicates(), batch.rejected(), batch.validFrom(), batch.validUntil(),
					batch.createdAt(), batch.finishedAt());
		}

	}

	/**
	 * A code import: the form's parts (its OpenAPI description; the handler reads the
	 * parts themselves).
	 *
	 * @param file a CSV file, the code in its first column
	 * @param templateId the template whose coupon a code gives
	 * @param usesPerCode redemptions per code (default 1)
	 * @param validFrom first redeemable instant (default now)
	 * @param validUntil when the codes stop being redeemable (default: the template's end
	 * of claims)
	 */
	record ImportForm(@Schema(type = "string", format = "binary") byte[] file, String templateId, String usesPerCode,
			String validFrom, String validUntil) {
	}

}
