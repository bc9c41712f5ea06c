package com.couponplatform.admin.codebatch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.couponplatform.redemption.CodeBatch;
import com.couponplatform.redemption.CodeBatchStatus;
import com.couponplatform.redemption.ReadCodeBatch;
import com.couponplatform.shared.InvalidInputException;

/**
 * A batch's codes as a CSV download ({@code code,usesLeft}), streamed, once they are all
 * there (ACTIVE or ENDED): the API's and the batch page's link alike.
 */
final class CodesCsv {

	private CodesCsv() {
	}

	/**
	 * @param readBatch the use case
	 * @param batchId the batch
	 * @return the download
	 * @throws InvalidInputException while the batch is still generating
	 */
	static ResponseEntity<StreamingResponseBody> download(ReadCodeBatch readBatch, long batchId) {
		CodeBatch batch = readBatch.read(batchId);
		if (batch.status() == CodeBatchStatus.GENERATING) {
			throw new InvalidInputException("id", "the batch's codes are still being generated; export it once ACTIVE");
		}
		StreamingResponseBody body = (out) -> {
			Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
			csv.write("code,usesLeft\n");
			// Codes are A-Z and 0-9 only: no field needs quoting.
			readBatch.export(batchId, (code, usesLeft) -> {
				try {
					csv.write(code);
					csv.write(',');
					csv.write(Integer.toString(usesLeft));
					csv.write('\n');
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			csv.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"code-batch-" + batchId + ".csv\"")
			.body(body);
	}

}
