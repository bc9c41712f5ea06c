package com.couponplatform.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named points where a test stops the worker dead (MIGRATION.md: "the worker SIGKILLed at
 * named fault points"): a worker configured with {@code coupon.migration.pause-at=NAME}
 * logs that it reached the point and waits there for ever, for the test's SIGKILL.
 * Production sets none.
 *
 * @param pauseAt the point to stop at, or {@code null}
 */
public record MigrationFaults(String pauseAt) {

	/** The static copy has written its templates, not yet its codes. */
	public static final String STATIC_COPY_TEMPLATES_WRITTEN = "static-copy-templates-written";

	/** The backfill has written one user's copy, not yet committed it. */
	public static final String BACKFILL_MID_USER = "backfill-mid-user";

	/** The backfill has recorded a range's checkpoint. */
	public static final String BACKFILL_AFTER_CHECKPOINT = "backfill-after-checkpoint";

	/** The backfill has copied every range, and not yet recorded that it is complete. */
	public static final String BACKFILL_COPIED = "backfill-copied";

	private static final Logger logger = LoggerFactory.getLogger(MigrationFaults.class);

	public void reached(String point) {
		if (!point.equals(this.pauseAt)) {
			return;
		}
		logger.warn("Paused at fault point {}", point);
		while (true) {
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted at fault point " + point);
			}
		}
	}

}
