package com.couponplatform.admin.issuance;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.couponplatform.issuance.IssuanceJob;
import com.couponplatform.issuance.IssuanceStatus;

import static org.assertj.core.api.Assertions.assertThat;

class JobProgressTest {

	private static final Instant STARTED = Instant.parse("2026-12-01T08:00:00Z");

	@Test
	void aRunningJobShowsItsShareDoneAndTheTimeLeftAtItsRate() {
		// 300 of 1,000 written and 100 failed in 10 s: 30 a second, 600 left, 20 s.
		JobProgress progress = JobProgress.of(job(IssuanceStatus.RUNNING, 1_000, 300, 100, null),
				STARTED.plusSeconds(10));
		assertThat(progress.done()).isEqualTo(400);
		assertThat(progress.percent()).isEqualTo(40);
		assertThat(progress.perSecond()).isEqualTo(30.0);
		assertThat(progress.timeLeft()).isEqualTo("20 s");
		assertThat(progress.live()).isTrue();
	}

	@Test
	void longerTimesReadInMinutesAndHours() {
		assertThat(
				JobProgress.of(job(IssuanceStatus.RUNNING, 100_000, 100, 0, null), STARTED.plusSeconds(10)).timeLeft())
			.isEqualTo("2 h 46 min");
		assertThat(
				JobProgress.of(job(IssuanceStatus.RUNNING, 10_000, 1_000, 0, null), STARTED.plusSeconds(10)).timeLeft())
			.isEqualTo("1 min 30 s");
	}

	@Test
	void aJobThatIsNotRunningHasNoTimeLeftAndOneThatEndedIsNoLongerFollowed() {
		JobProgress paused = JobProgress.of(job(IssuanceStatus.PAUSED, 1_000, 300, 0, null), STARTED.plusSeconds(10));
		assertThat(paused.timeLeft()).isNull();
		assertThat(paused.live()).isTrue();
		JobProgress completed = JobProgress.of(job(IssuanceStatus.COMPLETED, 1_000, 1_000, 0, STARTED.plusSeconds(20)),
				STARTED.plusSeconds(99));
		assertThat(completed.percent()).isEqualTo(100);
		assertThat(completed.perSecond()).isEqualTo(50.0);
		assertThat(completed.live()).isFalse();
		assertThat(JobProgress.of(job(IssuanceStatus.PREPARING, 0, 0, 0, null), STARTED).status())
			.isEqualTo(IssuanceStatus.PENDING);
	}

	private static IssuanceJob job(IssuanceStatus status, long total, long processed, long failed, Instant finished) {
		return new IssuanceJob(1, 2, status, total, 0, 0, total, 0, total, processed, processed, failed, null,
				"operator", STARTED, STARTED, finished, STARTED);
	}

}
