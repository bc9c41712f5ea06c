package com.couponplatform.replication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.couponplatform.legacy.CanonicalRow;
import com.couponplatform.legacy.LegacyClaimRequest;
import com.couponplatform.legacy.LegacyCoupon;
import com.couponplatform.legacy.LegacyOrder;
import com.couponplatform.legacy.LegacyRedemptionRequest;

/**
 * One user's rows in the legacy model, as OLD holds them or as NEW's copy maps back
 * (decision 9): coupons, order locks and the replay records of claims and redemptions.
 * The use log and the codes are not among them: both are found by their own keys.
 *
 * @param coupons {@code t_user_coupon}
 * @param orders {@code t_coupon_migration_order}
 * @param claimRequests {@code t_coupon_migration_claim_request}
 * @param redemptionRequests {@code t_coupon_migration_redemption_request}
 */
record UserRows(List<LegacyCoupon> coupons, List<LegacyOrder> orders, List<LegacyClaimRequest> claimRequests,
		List<LegacyRedemptionRequest> redemptionRequests) {

	UserRows {
		coupons = List.copyOf(coupons);
		orders = List.copyOf(orders);
		claimRequests = List.copyOf(claimRequests);
		redemptionRequests = List.copyOf(redemptionRequests);
	}

	/**
	 * @return every row's canonical form, by {@link #key(CanonicalRow)}
	 */
	Map<String, CanonicalRow> canonical() {
		Map<String, CanonicalRow> rows = new LinkedHashMap<>();
		this.coupons.forEach((row) -> put(rows, row.canonical()));
		this.orders.forEach((row) -> put(rows, row.canonical()));
		this.claimRequests.forEach((row) -> put(rows, row.canonical()));
		this.redemptionRequests.forEach((row) -> put(rows, row.canonical()));
		return rows;
	}

	int size() {
		return this.coupons.size() + this.orders.size() + this.claimRequests.size() + this.redemptionRequests.size();
	}

	static String key(CanonicalRow row) {
		return row.table() + " " + row.key();
	}

	private static void put(Map<String, CanonicalRow> rows, CanonicalRow row) {
		rows.put(key(row), row);
	}

}
