package com.couponplatform.template;

import java.time.Instant;
import java.time.ZoneId;

/**
 * When a claimed coupon can be used: a fixed window, or a number of days from the claim.
 */
public sealed interface Validity permits Validity.Fixed, Validity.Relative {

	/**
	 * The window of a coupon claimed at the given instant.
	 * @param claimedAt when the coupon was claimed
	 * @param zone the business time zone, in which days are counted
	 * @return its validity window
	 */
	Window windowFor(Instant claimedAt, ZoneId zone);

	/**
	 * A fixed window shared by every coupon of the template.
	 *
	 * @param from inclusive start
	 * @param until exclusive end
	 */
	record Fixed(Instant from, Instant until) implements Validity {

		@Override
		public Window windowFor(Instant claimedAt, ZoneId zone) {
			return new Window(this.from, this.until);
		}

	}

	/**
	 * A window that starts at the claim and ends at the same local time a number of
	 * calendar days later in the business time zone (so 23 or 25 hours for a day that
	 * changes daylight saving).
	 *
	 * @param days length of the window in calendar days
	 */
	record Relative(int days) implements Validity {

		@Override
		public Window windowFor(Instant claimedAt, ZoneId zone) {
			return new Window(claimedAt, claimedAt.atZone(zone).plusDays(this.days).toInstant());
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
