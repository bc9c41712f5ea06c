package com.couponplatform.replication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.CopiedCoupon;
import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.gateway.MirrorWrites;
import com.couponplatform.legacy.ClaimSlots;
import com.couponplatform.legacy.CouponMapping;
import com.couponplatform.legacy.DataIssue;
import com.couponplatform.legacy.LegacyClaimRequest;
import com.couponplatform.legacy.LegacyCoupon;
import com.couponplatform.legacy.LegacyOrder;
import com.couponplatform.legacy.LegacyRedemptionRequest;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.MigratedCoupon;
import com.couponplatform.legacy.MigratedTemplate;
import com.couponplatform.legacy.store.OldTemplates;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.UserCoupon;

/**
 * Makes NEW's copy of one legacy user equal to OLD's rows, under the user's copy lock:
 * the applier's work for every change of the user, and the backfill's for every user it
 * reaches. It reads OLD after taking the lock, so what it writes is never older than what
 * an earlier holder wrote; it writes only the rows that differ, so a second run writes
 * nothing; and a coupon NEW holds at a higher version than OLD's (which only a bug could
 * make) is kept and logged, never overwritten (invariant 2). Rows the mapping cannot map
 * without inventing a value are held back and reported, never "fixed".
 */
final class UserCopy {

	private static final Logger logger = LoggerFactory.getLogger(UserCopy.class);

	private final CouponGateway gateway;

	private final OldUserRows old;

	private final NewUserRows copies;

	private final MappedCoupons coupons;

	UserCopy(CouponGateway gateway, OldUserRows old, NewUserRows copies, MappedCoupons coupons) {
		this.gateway = gateway;
		this.old = old;
		this.copies = copies;
		this.coupons = coupons;
	}

	/**
	 * Copies one user.
	 * @param userId the user
	 * @param epoch the epoch the copy is made under, recorded with it
	 * @return what the copy did; empty when the user is not on OLD (their NEW rows are
	 * the original then)
	 */
	Optional<Outcome> copy(long userId, long epoch) {
		return copy(userId, epoch, () -> {
		});
	}

	/**
	 * Copies one user, running a step after the copy is written and before it commits
	 * (the backfill's fault point).
	 */
	Optional<Outcome> copy(long userId, long epoch, Runnable beforeCommit) {
		return this.gateway.copy(userId, (writes) -> {
			UserRows source = this.old.read(userId);
			UserRows copy = this.copies.read(writes.sql(), writes.location(), userId);
			Outcome outcome = apply(writes, source, copy);
			writes.sql()
				.sql("UPDATE " + writes.location().physicalTable("migration_user_copy")
						+ " SET epoch = ?, rows_copied = ?, copied_at = NOW(3) WHERE user_id = ?")
				.params(epoch, source.size(), userId)
				.update();
			beforeCommit.run();
			return outcome;
		});
	}

	private Outcome apply(MirrorWrites writes, UserRows source, UserRows copy) {
		List<Difference> differences = Difference.between(source.canonical(), copy.canonical(), writes.userId());
		if (differences.isEmpty()) {
			return new Outcome(source.size(), 0, List.of());
		}
		Set<Long> coupons = new LinkedHashSet<>();
		Set<String> orders = new LinkedHashSet<>();
		Set<String> redemptions = new LinkedHashSet<>();
		Map<String, Long> claimedCoupon = new HashMap<>();
		source.claimRequests().forEach((claim) -> claimedCoupon.put(claim.canonical().key(), claim.userCouponId()));
		copy.claimRequests()
			.forEach((claim) -> claimedCoupon.putIfAbsent(claim.canonical().key(), claim.userCouponId()));
		for (Difference difference : differences) {
			switch (difference.table()) {
				case "t_user_coupon" -> coupons.add(Long.parseLong(difference.key()));
				case LegacyOrder.TABLE -> orders.add(difference.key().substring(difference.key().indexOf('/') + 1));
				case LegacyClaimRequest.TABLE -> coupons.add(claimedCoupon.get(difference.key()));
				case LegacyRedemptionRequest.TABLE ->
					redemptions.add(difference.key().substring(difference.key().indexOf('/') + 1));
				default -> throw new IllegalStateException("not a user's table: " + difference.table());
			}
		}
		keepNewerVersions(coupons, source, copy, writes.userId());
		MappedCoupons.Result mapped = this.coupons.map(source);
		List<DataIssue> issues = new ArrayList<>(mapped.issues());
		writes.deleteCoupons(coupons);
		writes.insertCoupons(
				mapped.copied().stream().filter((copied) -> coupons.contains(copied.coupon().id())).toList());
		replaceOrders(writes, source, orders);
		replaceRedemptions(writes, source, redemptions);
		return new Outcome(source.size(), coupons.size() + orders.size() + redemptions.size(), issues);
	}

	/** Invariant 2: a copy never goes back to an older version of a coupon. */
	private static void keepNewerVersions(Set<Long> coupons, UserRows source, UserRows copy, long userId) {
		Map<Long, Integer> oldVersions = new HashMap<>();
		source.coupons().forEach((coupon) -> oldVersions.put(coupon.id(), coupon.version()));
		for (LegacyCoupon held : copy.coupons()) {
			Integer version = oldVersions.get(held.id());
			if (version != null && held.version() > version && coupons.remove(held.id())) {
				logger.error("User {}: NEW holds coupon {} at version {}, OLD at {}; kept NEW's, not overwritten",
						userId, held.id(), held.version(), version);
			}
		}
	}

	private static void replaceOrders(MirrorWrites writes, UserRows source, Set<String> orders) {
		if (orders.isEmpty()) {
			return;
		}
		JdbcClient sql = writes.sql();
		String table = writes.location().physicalTable("coupon_order");
		sql.sql("DELETE FROM " + table + " WHERE user_id = :user AND order_id IN (:orders)")
			.param("user", writes.userId())
			.param("orders", orders)
			.update();
		for (LegacyOrder order : source.orders()) {
			if (orders.contains(order.orderNo())) {
				sql.sql("INSERT INTO " + table + " (user_id, order_id, coupon_id, template_id, status, order_amount, "
						+ "coupon_returned, locked_at, lock_expires_at, updated_at, discount) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(order.uid(), order.orderNo(), order.userCouponId(), order.tplId(), order.status(),
							order.orderAmount(), order.couponReturned(), text(order.lockedAt()),
							text(order.lockExpiresAt()), text(order.updatedAt()), order.discount())
					.update();
			}
		}
	}

	private static void replaceRedemptions(MirrorWrites writes, UserRows source, Set<String> requests) {
		if (requests.isEmpty()) {
			return;
		}
		JdbcClient sql = writes.sql();
		String table = writes.location().physicalTable("redemption_request");
		sql.sql("DELETE FROM " + table + " WHERE user_id = :user AND request_id IN (:requests)")
			.param("user", writes.userId())
			.param("requests", requests)
			.update();
		for (LegacyRedemptionRequest request : source.redemptionRequests()) {
			if (requests.contains(request.requestId())) {
				sql.sql("INSERT INTO " + table + " (user_id, request_id, code, created_at, coupon_id) "
						+ "VALUES (?, ?, ?, ?, ?)")
					.params(request.uid(), request.requestId(), request.code(), text(request.createdAt()),
							request.userCouponId())
					.update();
			}
		}
	}

	private static String text(Instant instant) {
		return UtcInstants.text(instant);
	}

	/**
	 * What one user's copy did.
	 *
	 * @param rows the user's rows in OLD
	 * @param written the rows it wrote (0: the copy was equal already)
	 * @param issues what the mapping reported of the rows written, held back included
	 */
	record Outcome(int rows, int written, List<DataIssue> issues) {
	}

}
