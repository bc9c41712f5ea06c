package com.couponplatform.replication;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.legacy.CanonicalRow;
import com.couponplatform.legacy.CodeMapping;
import com.couponplatform.legacy.CouponUsage;
import com.couponplatform.legacy.LegacyClaimRequest;
import com.couponplatform.legacy.LegacyCodeBatch;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.MigratedCode;
import com.couponplatform.legacy.UseLogMapping;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardTransactions;

/**
 * Compares OLD's rows with NEW's copy mapped back, in canonical form (decision 9): one
 * user's rows, use-log rows by ID, codes by code. The verifier's comparison, and the
 * tests' measure of a copy.
 */
public final class CopyComparison {

	private final OldDatabase old;

	private final NewUserRows copies;

	private final MappedCoupons coupons;

	private final ShardTransactions shards;

	private final ShardRouter router;

	private final JdbcClient global;

	private final UseLogMapping useLogs;

	private final CodeMapping codes;

	CopyComparison(OldDatabase old, NewUserRows copies, MappedCoupons coupons, ShardTransactions shards,
			ShardRouter router, DataSource global, UseLogMapping useLogs, CodeMapping codes) {
		this.old = old;
		this.copies = copies;
		this.coupons = coupons;
		this.shards = shards;
		this.router = router;
		this.global = JdbcClient.create(global);
		this.useLogs = useLogs;
		this.codes = codes;
	}

	/**
	 * @param userId a user
	 * @return how the user's rows differ between OLD and NEW: coupons, order locks, claim
	 * and redemption requests
	 */
	public List<Difference> user(long userId) {
		ShardLocation location = this.router.locateUser(userId);
		UserRows source = OldUserRows.read(this.old.sql(), userId);
		UserRows copy = this.copies.read(this.shards.sql(location.database()), location, userId);
		return differences(source, copy, userId);
	}

	/**
	 * How a user's rows differ. NEW keeps a claim request as its coupon's origin key, so
	 * a coupon that differs takes its claim request with it: the coupon alone is named.
	 */
	private List<Difference> differences(UserRows source, UserRows copy, long userId) {
		List<Difference> differences = Difference.between(copied(source), copy.canonical(), userId);
		Set<String> coupons = new HashSet<>();
		differences.stream()
			.filter((difference) -> difference.table().equals("t_user_coupon"))
			.forEach((difference) -> coupons.add(difference.key()));
		if (coupons.isEmpty()) {
			return differences;
		}
		Map<String, String> couponOfClaim = new HashMap<>();
		Stream.concat(source.claimRequests().stream(), copy.claimRequests().stream())
			.forEach((claim) -> couponOfClaim.put(claim.canonical().key(), Long.toString(claim.userCouponId())));
		return differences.stream()
			.filter((difference) -> !(difference.table().equals(LegacyClaimRequest.TABLE)
					&& coupons.contains(couponOfClaim.get(difference.key()))))
			.toList();
	}

	/**
	 * OLD's rows the copy is to hold: the coupons the mapping holds back are reported by
	 * the copy, not missing from it.
	 */
	private Map<String, CanonicalRow> copied(UserRows source) {
		Map<String, CanonicalRow> rows = source.canonical();
		for (long heldBack : this.coupons.map(source).heldBack()) {
			rows.remove("t_user_coupon " + heldBack);
		}
		return rows;
	}

	/**
	 * {@link #user(long)} under the user's copy lock (when NEW has copied them): the
	 * verifier's last look at a suspected difference, which no copy of the user can be
	 * halfway through.
	 * @param userId a user
	 * @return how the user's rows differ
	 */
	public List<Difference> userLocked(long userId) {
		ShardLocation location = this.router.locateUser(userId);
		return this.shards.inShardReadCommitted(location.database(), (sql) -> {
			sql.sql("SELECT user_id FROM " + location.physicalTable("migration_user_copy")
					+ " WHERE user_id = ? FOR UPDATE")
				.param(userId)
				.query(Long.class)
				.list();
			UserRows copy = this.copies.read(sql, location, userId);
			UserRows source = OldUserRows.read(this.old.sql(), userId);
			return differences(source, copy, userId);
		});
	}

	/**
	 * The users one of NEW's coupon tables holds rows of, in ID order: the verifier's
	 * walk of NEW, for users OLD does not have and rows in the wrong table.
	 * @param location the physical table
	 * @param after the page's exclusive lower bound
	 * @param upTo the run's last user
	 * @param limit the page's size
	 * @return the users
	 */
	List<Long> usersIn(ShardLocation location, long after, long upTo, int limit) {
		return this.shards.sql(location.database())
			.sql("SELECT DISTINCT user_id FROM " + location.physicalTable("user_coupon")
					+ " WHERE user_id > ? AND user_id <= ? ORDER BY user_id LIMIT ?")
			.params(after, upTo, limit)
			.query(Long.class)
			.list();
	}

	/**
	 * @return the IDs of one user's coupons one of NEW's coupon tables holds
	 */
	List<Long> couponsIn(ShardLocation location, long userId) {
		return this.shards.sql(location.database())
			.sql("SELECT id FROM " + location.physicalTable("user_coupon") + " WHERE user_id = ? ORDER BY id")
			.param(userId)
			.query(Long.class)
			.list();
	}

	/**
	 * Where else than its user's table NEW holds a row, if anywhere.
	 * @param logicalTable {@code user_coupon} or {@code coupon_usage}
	 * @param id the row's ID
	 * @param userId its user
	 * @return whether a physical table other than the user's holds it
	 */
	boolean elsewhere(String logicalTable, long id, long userId) {
		ShardLocation home = this.router.locateUser(userId);
		for (ShardLocation location : this.router.layout().locations()) {
			if (!location.equals(home) && !this.shards.sql(location.database())
				.sql("SELECT id FROM " + location.physicalTable(logicalTable) + " WHERE id = ?")
				.param(id)
				.query(Long.class)
				.list()
				.isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param ids use-log rows
	 * @return how those rows differ between OLD's use log and NEW's {@code coupon_usage}
	 */
	public List<Difference> useLogs(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, CanonicalRow> source = new LinkedHashMap<>();
		this.old.sql()
			.sql("SELECT * FROM t_coupon_use_log WHERE id IN (:ids) ORDER BY id")
			.param("ids", ids)
			.query(LegacyRowMappers.USE_LOG)
			.list()
			.stream()
			// A row the mapping holds back is reported by the copy, not missing from it.
			.filter((row) -> this.useLogs.toNew(row) instanceof Mapping.Mapped)
			.forEach((row) -> source.put(UserRows.key(row.canonical()), row.canonical()));
		Map<String, CanonicalRow> copy = new LinkedHashMap<>();
		for (ShardLocation location : this.router.layout().locations()) {
			this.shards.sql(location.database())
				.sql("SELECT id, user_id, coupon_id, order_id, action, amount, created_at FROM "
						+ location.physicalTable("coupon_usage") + " WHERE id IN (:ids)")
				.param("ids", ids)
				.query((rs, n) -> new CouponUsage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						CouponUsage.Action.valueOf(rs.getString(5)), rs.getLong(6),
						UtcInstants.instant(rs.getObject(7, LocalDateTime.class))))
				.list()
				.forEach((usage) -> {
					CanonicalRow row = this.useLogs.toLegacy(usage).canonical();
					copy.put(UserRows.key(row), row);
				});
		}
		return Difference.between(source, copy, null);
	}

	/**
	 * @param legacyCodes codes as OLD's table holds them
	 * @return how their state differs between OLD and NEW (codes imported void have no
	 * state of NEW's and are left out, as the static copy reported them)
	 */
	public List<Difference> codes(Collection<String> legacyCodes) {
		Map<String, CanonicalRow> source = new LinkedHashMap<>();
		Map<String, CanonicalRow> copy = new LinkedHashMap<>();
		for (String typed : legacyCodes) {
			List<Imported> imported = this.global
				.sql("SELECT l.code, l.batch_id, b.batch_no, b.tpl_id FROM migration_code_legacy l "
						+ "JOIN migration_code_batch b ON b.batch_id = l.batch_id WHERE l.code_as_typed = ? AND l.void = 0")
				.param(typed)
				.query((rs, n) -> new Imported(rs.getString(1), rs.getLong(2),
						new LegacyCodeBatch(rs.getString(3), rs.getLong(4))))
				.list();
			if (imported.isEmpty()) {
				continue;
			}
			this.old.sql()
				.sql("SELECT * FROM t_coupon_code WHERE code = ?")
				.param(typed)
				.query(LegacyRowMappers.CODE)
				.optional()
				.ifPresent((row) -> source.put(UserRows.key(row.canonical()), row.canonical()));
			Imported code = imported.get(0);
			ShardLocation location = this.router.locate(code.code);
			JdbcClient sql = this.shards.sql(location.database());
			sql.sql("SELECT c.uses_left, r.user_id, r.redeemed_at FROM " + location.physicalTable("redemption_code")
					+ " c LEFT JOIN " + location.physicalTable("code_redemption")
					+ " r ON r.code = c.code WHERE c.code = ?")
				.param(code.code)
				.query((rs, n) -> new MigratedCode(code.code, code.batchId, rs.getInt(1), rs.getObject(2, Long.class),
						UtcInstants.instant(rs.getObject(3, LocalDateTime.class)), typed))
				.list()
				.forEach((migrated) -> {
					CanonicalRow row = this.codes.toLegacy(migrated, code.batch).canonical();
					copy.put(UserRows.key(row), row);
				});
		}
		return Difference.between(source, copy, null);
	}

	private record Imported(String code, long batchId, LegacyCodeBatch batch) {
	}

}
