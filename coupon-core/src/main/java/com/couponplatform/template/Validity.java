package com.couponplatform.template;

import java.time.Duration;
import java.time.Instant;

/**
 * When a claimed coupon can be used: a fixed window, or a number of days from the claim.
 */
public sealed interface Validity permits Validity.Fixed, Validity.Relative {

	/**
	 * The window of a coupon claimed at the given instant.
	 * @param claimedAt when the coupon was claimed
	 * @return its validity window
	 */
	Window windowFor(Instant claimedAt);

	/**
	 * A fixed window shared by every coupon of the template.
	 *
	 * @param from inclusive start
	 * @param until exclusive end
	 */
	record Fixed(Instant from, Instant until) implements Validity {

		@Override
		public Window windowFor(Instant claimedAt) {
			return new Window(this.from, this.until);
		}

	}

	/**
	 * A window that starts at the claim and lasts a number of days.
	 *
	 * @param days length of the window in days of 24 hours
	 */
	record Relative(int days) implements Validity {

		@Override
		public Window windowFor(Instant claimedAt) {
			return new Window(claimedAt, claimedAt.plus(Duration.ofDays(this.days)));
		}

	}

	/**
	 * A coupon's validity: usable from {@code from} (inclusive) until {@code until}
	 * (exclusive).
	 *
	 * @param from inclusive start
	 * @param until exclusive end
	 */
	record Window(Instant from, Instant until) {
	}

}
