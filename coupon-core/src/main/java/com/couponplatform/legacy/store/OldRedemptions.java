package com.couponplatform.legacy.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.claim.IdempotencyKeyReusedException;
import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.legacy.LegacyCode;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.MigratedCoupon;
import com.couponplatform.legacy.MigratedTemplate;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.redemption.LegacyRedemptions;
import com.couponplatform.redemption.RedeemCode.Redemption;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.Validity;

/**
 * Redemption on OLD, in one local transaction of the legacy database through the gateway
 * (the user's gateway lock first): the request ID bound to the code in
 * {@code t_coupon_migration_redemption_request}, the code exchanged by OLD's guard
 * ({@code state = 0}, so of many users racing for a single-use code one wins), the coupon
 * inserted as the monolith inserts an exchanged one ({@code get_type} 3, the code as
 * typed). A refusal rolls it all back, the binding included: the user's lock serialises
 * the user's calls, so no identical call can race a freed binding.
 *
 * <p>
 * Codes are found as the user typed them (the column compares case-insensitively, as the
 * monolith's lookup did), else in their normalised form; a code the monolith stored with
 * dashes is found as typed with them.
 */
final class OldRedemptions implements LegacyRedemptions {

	/** {@code t_user_coupon.get_type} of an exchange. */
	private static final int EXCHANGED = 3;

	/** The legacy {@code t_coupon_code.code} and {@code t_user_coupon.code} width. */
	private static final int CODE_WIDTH = 24;

	private final CouponGateway gateway;

	private final OldTemplates templates;

	private final OldWallet wallet;

	private final LegacyTime time;

	private final Clock clock;

	OldRedemptions(CouponGateway gateway, OldTemplates templates, OldWallet wallet, LegacyTime time, Clock clock) {
		this.gateway = gateway;
		this.templates = templates;
		this.wallet = wallet;
		this.time = time;
		this.clock = clock;
	}

	@Override
	public Optional<Redemption> redeem(long userId, String typed, String code, String requestId) {
		if (typed.length() > CODE_WIDTH) {
			return Optional.empty();
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		LocalDateTime local = this.time.toLocal(now);
		return this.gateway.changeOld(userId, (writes) -> {
			JdbcClient sql = writes.sql();
			int bound = sql
				.sql("INSERT IGNORE INTO t_coupon_migration_redemption_request (uid, request_id, code, user_coupon_id, "
						+ "created_at) VALUES (?, ?, ?, NULL, ?)")
				.params(userId, requestId, code, UtcInstants.text(now))
				.update();
			if (bound == 0) {
				Binding earlier = sql
					.sql("SELECT code, user_coupon_id FROM t_coupon_migration_redemption_request WHERE uid = ? "
							+ "AND request_id = ?")
					.params(userId, requestId)
					.query((rs, n) -> new Binding(rs.getString(1), rs.getObject(2, Long.class)))
					.single();
				if (!earlier.code.equals(code)) {
					throw new IdempotencyKeyReusedException(requestId);
				}
				if (earlier.couponId != null) {
					return OldWallet.row(sql, userId, earlier.couponId)
						.flatMap((row) -> this.wallet.map(row, sql))
						.map((coupon) -> new Redemption(coupon.coupon(), true));
				}
			}
			Optional<LegacyCode> found = find(sql, typed).or(() -> find(sql, code));
			if (found.isEmpty() || found.get().state() != 0) {
				return Optional.<Redemption>empty();
			}
			LegacyCode legacyCode = found.get();
			Optional<Mapping<MigratedTemplate>> mapping = this.templates.mapping(legacyCode.tplId(), sql);
			Optional<CouponTemplate> template = OldTemplates.mapped(mapping);
			if (template.isEmpty() || !redeemableAt(template.get(), now)) {
				return Optional.<Redemption>empty();
			}
			if (!writes.exchangeCode(legacyCode.code(), local)) {
				// Another user's exchange committed first.
				return Optional.<Redemption>empty();
			}
			MigratedCoupon coupon = this.wallet.insertNew(writes, userId, mapping, template.get(), EXCHANGED, now,
					typed);
			sql.sql("UPDATE t_coupon_migration_redemption_request SET user_coupon_id = ? WHERE uid = ? AND request_id = ?")
				.params(coupon.coupon().id(), userId, requestId)
				.update();
			return Optional.of(new Redemption(coupon.coupon(), false));
		});
	}

	/**
	 * Decision 6: a legacy code is redeemable within its template's validity (a fixed
	 * window ends; a relative one does not).
	 */
	private static boolean redeemableAt(CouponTemplate template, Instant now) {
		return !(template.validity() instanceof Validity.Fixed fixed) || now.isBefore(fixed.until());
	}

	private static Optional<LegacyCode> find(JdbcClient sql, String code) {
		return sql.sql("SELECT * FROM t_coupon_code WHERE code = ? FOR UPDATE")
			.param(code)
			.query(LegacyRowMappers.CODE)
			.optional();
	}

	private record Binding(String code, Long couponId) {
	}

}
