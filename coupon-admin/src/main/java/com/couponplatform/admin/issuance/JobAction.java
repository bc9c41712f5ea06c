package com.couponplatform.admin.issuance;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.couponplatform.issuance.ControlIssuanceJob;
import com.couponplatform.issuance.IssuanceJob;
import com.couponplatform.issuance.IssuanceStatus;
import com.couponplatform.shared.InvalidInputException;

/**
 * A control button of the job page: the statuses it shows in (those ControlIssuanceJob
 * moves from), and the question its confirmation asks, if any.
 */
enum JobAction {

	PAUSE(Set.of(IssuanceStatus.PENDING, IssuanceStatus.RUNNING), null),

	RESUME(Set.of(IssuanceStatus.PAUSED), null),

	RETRY_FAILURES(Set.of(IssuanceStatus.RUNNING, IssuanceStatus.PAUSED),
			"Retry: every target not yet written is sent again; those written are skipped."),

	CANCEL(Set.of(IssuanceStatus.PENDING, IssuanceStatus.RUNNING, IssuanceStatus.PAUSED),
			"Cancel: no more coupons are issued and the units not used go back to the template. This cannot be "
					+ "undone.");

	private final Set<IssuanceStatus> from;

	private final String confirmation;

	JobAction(Set<IssuanceStatus> from, String confirmation) {
		this.from = from;
		this.confirmation = confirmation;
	}

	static JobAction named(String path) {
		return Arrays.stream(values())
			.filter((action) -> action.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("action", "must be pause, resume, retry-failures or cancel"));
	}

	static List<JobAction> of(IssuanceStatus status) {
		return Arrays.stream(values()).filter((action) -> action.from.contains(status)).toList();
	}

	IssuanceJob apply(ControlIssuanceJob control, long jobId) {
		return switch (this) {
			case PAUSE -> control.pause(jobId);
			case RESUME -> control.resume(jobId);
			case RETRY_FAILURES -> control.retryFailures(jobId);
			case CANCEL -> control.cancel(jobId);
		};
	}

	public String path() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String label() {
		String words = name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	public String confirmation() {
		return this.confirmation;
	}

}
