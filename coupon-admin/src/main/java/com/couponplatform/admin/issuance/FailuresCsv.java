package com.couponplatform.admin.issuance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.couponplatform.issuance.ReadIssuanceJob;

/**
 * A job's refused input lines as a CSV download ({@code line,content,reason}), streamed:
 * the API's and the job page's link alike.
 */
final class FailuresCsv {

	private FailuresCsv() {
	}

	/**
	 * @param readJob the use case
	 * @param jobId the job
	 * @return the download
	 * @throws com.couponplatform.issuance.IssuanceJobNotFoundException when there is no
	 * such job (before anything is written)
	 */
	static ResponseEntity<StreamingResponseBody> download(ReadIssuanceJob readJob, long jobId) {
		readJob.read(jobId);
		StreamingResponseBody body = (out) -> {
			Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			csv.write("line,content,reason\n");
			readJob.failures(jobId, (line, content, reason) -> {
				try {
					csv.write(line + "," + CsvField.quote(content) + "," + reason + "\n");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			csv.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"issuance-" + jobId + "-failures.csv\"")
			.body(body);
	}

}
