package com.couponplatform.legacy;

import java.math.BigDecimal;

/**
 * A kind-3 {@code discount_rate} (the share of the price paid, in tenths: 8.5 pays 85%)
 * and the platform's {@code percentOff} (15): {@code percentOff = (10 − rate) × 10}. A
 * rate of 0 or 10.0 (or outside them) is bad data with no discount to read from it.
 */
final class DiscountRateMapping {

	private static final BigDecimal TEN = BigDecimal.TEN;

	/**
	 * The percentage off of a legacy rate.
	 * @param rate the legacy rate, one decimal
	 * @return 1–99, or {@code null} for a bad rate
	 */
	Integer toPercentOff(BigDecimal rate) {
		if (rate == null || rate.signum() <= 0 || rate.compareTo(TEN) >= 0 || rate.stripTrailingZeros().scale() > 1) {
			return null;
		}
		return TEN.subtract(rate).movePointRight(1).intValueExact();
	}

	/**
	 * The legacy rate of a percentage off.
	 * @param percentOff 1–100
	 * @return the rate at scale 1 (15 → 8.5)
	 */
	BigDecimal toRate(int percentOff) {
		return BigDecimal.valueOf(100L - percentOff, 1);
	}

}
