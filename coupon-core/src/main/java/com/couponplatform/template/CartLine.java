package com.couponplatform.template;

/**
 * One line of a cart, as checkout sends it.
 *
 * @param skuId the product
 * @param categoryId its category
 * @param unitPrice the price of one, in minor units
 * @param quantity how many
 */
public record CartLine(String skuId, String categoryId, Long unitPrice, Integer quantity) {

	/**
	 * @return the line's total, unit price times quantity, in minor units
	 */
	public long amount() {
		return Math.multiplyExact(this.unitPrice, (long) this.quantity);
	}

}
