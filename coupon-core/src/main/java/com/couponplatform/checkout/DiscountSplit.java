package com.couponplatform.checkout;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits an order's discount across its eligible lines in proportion to their amounts, by
 * the largest remainder method: each line gets the floor of its exact share, and the
 * minor units left over go one each to the lines with the largest fractional parts (the
 * earlier line first on a tie). The shares always sum to the discount exactly, and no
 * line gets more than its amount.
 */
final class DiscountSplit {

	private DiscountSplit() {
	}

	/**
	 * @param discount the discount to split, not more than the sum of the amounts
	 * @param amounts each line's amount; 0 for a line the coupon does not apply to
	 * @return each line's share, in line order
	 */
	static long[] split(long discount, long[] amounts) {
		long total = Arrays.stream(amounts).sum();
		long[] shares = new long[amounts.length];
		if (discount == 0 || total == 0) {
			return shares;
		}
		if (discount < 0 || discount > total) {
			throw new IllegalArgumentException("discount " + discount + " is not within 0.." + total);
		}
		// discount * amount can pass 2^63 for large carts: exact arithmetic.
		BigInteger whole = BigInteger.valueOf(discount);
		BigInteger divisor = BigInteger.valueOf(total);
		long[] remainders = new long[amounts.length];
		long given = 0;
		for (int i = 0; i < amounts.length; i++) {
			BigInteger[] quotient = whole.multiply(BigInteger.valueOf(amounts[i])).divideAndRemainder(divisor);
			shares[i] = quotient[0].longValueExact();
			remainders[i] = quotient[1].longValueExact();
			given += shares[i];
		}
		long left = discount - given;
		int[] byRemainder = IntStream.range(0, amounts.length)
			.boxed()
			.sorted(Comparator.<Integer>comparingLong((i) -> remainders[i]).reversed().thenComparingInt((i) -> i))
			.mapToInt(Integer::intValue)
			.toArray();
		// Fewer units are left than lines with a remainder, so each gets at most one.
		for (int k = 0; k < left; k++) {
			shares[byRemainder[k]]++;
		}
		return shares;
	}

}
