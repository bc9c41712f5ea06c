package com.couponplatform.checkout;

import java.util.regex.Pattern;

import com.couponplatform.shared.InvalidInputException;

/**
 * The mall's order numbers: unique across the mall, at most 64 characters of
 * {@code [A-Za-z0-9_-]}.
 */
final class OrderIds {

	private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private OrderIds() {
	}

	/**
	 * @param orderId an order ID as sent
	 * @return the same ID
	 * @throws InvalidInputException when it is not a valid order ID
	 */
	static String check(String orderId) {
		if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
			throw new InvalidInputException("orderId", "must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -");
		}
		return orderId;
	}

}
