package com.couponplatform.migrationtool.legacy;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What {@code legacy-generate} fills a legacy database with. The same settings give the
 * same rows.
 *
 * @param users distinct users holding coupons
 * @param templates templates (at least {@value #MIN_TEMPLATES}: the first ones carry the
 * quirks every run must have)
 * @param coupons user coupon rows
 * @param codes code rows
 * @param seed the random seed
 * @param now the instant the data is generated "as of"
 * @param zone the monolith's local time zone
 */
public record GeneratorSettings(int users, int templates, int coupons, int codes, long seed, Instant now, ZoneId zone) {

	/** Templates the quirks need: one each for five quirks, and one ordinary. */
	public static final int MIN_TEMPLATES = 6;

	/** Codes the quirks need: an exchanged code, two that normalise alike, a void one. */
	public static final int MIN_CODES = 4;

	public GeneratorSettings {
		if (users < 1 || templates < MIN_TEMPLATES || coupons < 1 || codes < MIN_CODES) {
			throw new IllegalArgumentException("need --users >= 1, --templates >= " + MIN_TEMPLATES
					+ ", --coupons >= 1 and --codes >= " + MIN_CODES);
		}
	}

}
