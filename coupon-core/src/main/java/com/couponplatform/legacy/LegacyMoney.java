package com.couponplatform.legacy;

import java.math.BigDecimal;

/**
 * Yuan as the legacy {@code DECIMAL(10,2)} columns hold them, and the platform's integer
 * minor units (fen, "cents"), converted exactly: never through a floating-point number.
 */
public final class LegacyMoney {

	private LegacyMoney() {
	}

	/**
	 * Cents of a yuan amount.
	 * @param yuan the legacy amount, at most two decimals, or {@code null}
	 * @return the amount in cents, or {@code null}
	 * @throws ArithmeticException when the amount has a fraction of a cent
	 */
	public static Long toCents(BigDecimal yuan) {
		return (yuan != null) ? yuan.movePointRight(2).longValueExact() : null;
	}

	/**
	 * The yuan amount of cents, at scale 2 as the column stores it.
	 * @param cents an amount in cents, or {@code null}
	 * @return the yuan amount, or {@code null}
	 */
	public static BigDecimal toYuan(Long cents) {
		return (cents != null) ? BigDecimal.valueOf(cents, 2) : null;
	}

}
