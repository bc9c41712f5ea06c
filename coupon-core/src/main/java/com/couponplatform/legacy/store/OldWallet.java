package com.couponplatform.legacy.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.OldWrites;
import com.couponplatform.legacy.CouponMapping;
import com.couponplatform.legacy.LegacyCoupon;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.MigratedCoupon;
import com.couponplatform.legacy.MigratedTemplate;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.wallet.CouponNotFoundException;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.LegacyWallet;
import com.couponplatform.wallet.UserCoupon;

/**
 * The wallets of users on OLD: their {@code t_user_coupon} rows mapped to the platform's
 * coupons, quirks as they are (a NULL {@code expire_time} ends when its template says,
 * state 4 is REVOKED, coupons of a soft-deleted template are listed). A row the mapping
 * cannot map without inventing a value is left out of the answer and reported in the log,
 * never "fixed".
 */
final class OldWallet implements LegacyWallet {

	private static final Logger logger = LoggerFactory.getLogger(OldWallet.class);

	private final JdbcClient sql;

	private final OldTemplates templates;

	private final CouponMapping mapping;

	private final LegacyTime time;

	OldWallet(JdbcClient sql, OldTemplates templates, LegacyTime time) {
		this.sql = sql;
		this.templates = templates;
		this.mapping = new CouponMapping(time);
		this.time = time;
	}

	@Override
	public List<UserCoupon> rows(long userId, CouponStatus status, long beforeId, int limit, Instant now) {
		String states = switch ((status != null) ? status : CouponStatus.UNUSED) {
			case UNUSED -> "state = 0";
			// An unused row past its end reads as EXPIRED before the job moves it.
			case EXPIRED -> "state IN (0, 3)";
			case LOCKED -> "state = 1";
			case USED -> "state = 2";
			case REVOKED -> "state = 4";
		};
		String filter = (status != null) ? " AND " + states : "";
		List<UserCoupon> page = new ArrayList<>(limit);
		long below = beforeId;
		// UNUSED and EXPIRED are told apart only once mapped (a NULL expire_time ends
		// when its template says), so a page may need more than one read.
		while (page.size() < limit) {
			List<LegacyCoupon> rows = this.sql
				.sql("SELECT * FROM t_user_coupon WHERE uid = ? AND id < ?" + filter + " ORDER BY id DESC LIMIT ?")
				.params(userId, below, limit)
				.query(LegacyRowMappers.COUPON)
				.list();
			for (LegacyCoupon row : rows) {
				map(row).map(MigratedCoupon::coupon)
					.filter((coupon) -> status == null || coupon.statusAt(now) == status)
					.filter((coupon) -> page.size() < limit)
					.ifPresent(page::add);
			}
			if (rows.size() < limit) {
				break;
			}
			below = rows.get(rows.size() - 1).id();
		}
		return page;
	}

	@Override
	public UserCoupon find(long userId, long couponId) {
		return coupon(userId, couponId).map(MigratedCoupon::coupon)
			.orElseThrow(() -> new CouponNotFoundException(couponId));
	}

	/**
	 * @return the client reading OLD outside the gateway's transactions
	 */
	JdbcClient sql() {
		return this.sql;
	}

	/**
	 * One of the user's rows with its legacy-only fields.
	 * @param userId the owner
	 * @param couponId the coupon
	 * @return the coupon, or empty when the user has no such coupon (or it cannot be
	 * mapped)
	 */
	Optional<MigratedCoupon> coupon(long userId, long couponId) {
		return row(this.sql, userId, couponId).flatMap(this::map);
	}

	/**
	 * One of the user's rows as stored.
	 * @param sql the client to read with (a transaction's, to read inside it)
	 * @param userId the owner
	 * @param couponId the coupon
	 * @return the row, or empty when the user has no such coupon
	 */
	static Optional<LegacyCoupon> row(JdbcClient sql, long userId, long couponId) {
		return sql.sql("SELECT * FROM t_user_coupon WHERE id = ? AND uid = ?")
			.params(couponId, userId)
			.query(LegacyRowMappers.COUPON)
			.optional();
	}

	/**
	 * A legacy row in the platform's model.
	 * @param row the row
	 * @return the coupon, or empty when it cannot be mapped
	 */
	Optional<MigratedCoupon> map(LegacyCoupon row) {
		return map(row, this.templates.mapping(row.tplId()));
	}

	/**
	 * A legacy row in the platform's model, inside a transaction on OLD: a template not
	 * cached is read through the transaction's own connection.
	 * @param row the row
	 * @param via the transaction's client
	 * @return the coupon, or empty when it cannot be mapped
	 */
	Optional<MigratedCoupon> map(LegacyCoupon row, JdbcClient via) {
		return map(row, this.templates.mapping(row.tplId(), via));
	}

	/**
	 * Inserts a new UNUSED coupon the way the monolith does — its end {@code use_end} or
	 * {@code get_time + valid_days} — and answers it in the platform's model, as a later
	 * read of the row will.
	 * @param writes the user's transaction on OLD
	 * @param userId the user
	 * @param mapping the template's mapping, read before the transaction
	 * @param template the template it mapped to
	 * @param getType 1 claimed, 3 exchanged from a code
	 * @param now the instant, whole seconds
	 * @param code the code as typed, for an exchange; otherwise {@code null}
	 * @return the coupon, with its new ID
	 */
	MigratedCoupon insertNew(OldWrites writes, long userId, Optional<Mapping<MigratedTemplate>> mapping,
			CouponTemplate source, int getType, Instant now, String code) {
		LocalDateTime local = this.time.toLocal(now);
		LocalDateTime expireTime = this.time.toLocal(source.validity().windowFor(now, this.time.zone()).until());
		long id = writes.insertCoupon(source.id(), getType, local, expireTime, code);
		LegacyCoupon row = new LegacyCoupon(id, userId, source.id(), 0, getType, local, expireTime, null, null, code, 0,
				local);
		return map(row, mapping)
			.orElseThrow(() -> new IllegalStateException("coupon " + id + " was written but cannot be mapped"));
	}

	/**
	 * A legacy row in the platform's model, with its template's mapping read already (a
	 * transaction on OLD maps its rows without taking a second connection).
	 * @param row the row
	 * @param template what the mapping made of the row's template
	 * @return the coupon, or empty when it cannot be mapped
	 */
	Optional<MigratedCoupon> map(LegacyCoupon row, Optional<Mapping<MigratedTemplate>> template) {
		if (template.isEmpty()) {
			logger.warn("Legacy coupon {} of user {} is not served: its template {} does not exist", row.id(),
					row.uid(), row.tplId());
			return Optional.empty();
		}
		Mapping<MigratedCoupon> coupon = this.mapping.toNew(row, template.get());
		if (coupon instanceof Mapping.Mapped<MigratedCoupon> mapped) {
			return Optional.of(mapped.value());
		}
		logger.warn("Legacy coupon {} of user {} is not served: {}", row.id(), row.uid(), coupon.issues());
		return Optional.empty();
	}

}
