package com.couponplatform.migration;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.couponplatform.shared.RetryLaterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process that cannot read the phase refuses writes rather than guess (decision 3): its
 * epoch serves writes for half its lease after the last good read, then answers 503.
 */
class StoredEpochsTest {

	/** A global database nobody listens for: every read of the phase fails. */
	private static final MigrationState UNREACHABLE = new MigrationState(
			new DriverManagerDataSource("jdbc:mysql://127.0.0.1:1/nowhere?connectTimeout=200"));

	@Test
	void refusesWritesOnceThePhaseHasGoneUnreadForHalfTheLease() {
		AtomicLong nanos = new AtomicLong(1_000_000_000L);
		Epoch frozen = new Epoch(Phase.STATIC_FROZEN, 2);
		StoredEpochs epochs = new StoredEpochs(UNREACHABLE, null, frozen, Duration.ofMillis(250), Duration.ofSeconds(4),
				nanos::get);

		nanos.addAndGet(Duration.ofMillis(1900).toNanos());
		epochs.poll();
		assertThat(epochs.writable()).isEqualTo(frozen);

		nanos.addAndGet(Duration.ofMillis(200).toNanos());
		epochs.poll();
		assertThatThrownBy(epochs::writable).isInstanceOf(RetryLaterException.class)
			.extracting((ex) -> ((RetryLaterException) ex).problem().code())
			.isEqualTo("SERVICE_UNAVAILABLE");
		// Reads go on with the phase last read; only writes wait for a fresh one.
		assertThat(epochs.current()).isEqualTo(frozen);
	}

}
