package com.couponplatform.template;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidityTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void relativeValidityCountsCalendarDaysInTheBusinessTimeZoneAcrossTheSpringDstChange() {
		// 2026-03-28 12:00 in Berlin; clocks go forward on the 29th, so one calendar day
		// is 23 hours.
		Instant claimed = Instant.parse("2026-03-28T11:00:00Z");
		Validity.Window window = new Validity.Relative(1).windowFor(claimed, BERLIN);
		assertThat(window.from()).isEqualTo(claimed);
		assertThat(window.until()).isEqualTo(Instant.parse("2026-03-29T10:00:00Z"));
		assertThat(Duration.between(window.from(), window.until())).isEqualTo(Duration.ofHours(23));
	}

	@Test
	void relativeValidityCountsCalendarDaysAcrossTheAutumnDstChange() {
		// 2026-10-24 12:00 in Berlin; clocks go back on the 25th, so one calendar day is
		// 25 hours.
		Instant claimed = Instant.parse("2026-10-24T10:00:00Z");
		Validity.Window window = new Validity.Relative(1).windowFor(claimed, BERLIN);
		assertThat(Duration.between(window.from(), window.until())).isEqualTo(Duration.ofHours(25));
	}

	@Test
	void fixedValidityIsTheSameForEveryClaim() {
		Validity.Fixed fixed = new Validity.Fixed(Instant.parse("2026-11-01T00:00:00Z"),
				Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(fixed.windowFor(Instant.parse("2026-11-15T08:00:00Z"), BERLIN))
			.isEqualTo(new Validity.Window(fixed.from(), fixed.until()));
	}

}
