package com.couponplatform.legacy.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.claim.ClaimResult;
import com.couponplatform.claim.CouponSoldOutException;
import com.couponplatform.claim.IdempotencyKeyReusedException;
import com.couponplatform.claim.LegacyClaims;
import com.couponplatform.claim.PerUserLimitReachedException;
import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.MigratedTemplate;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateNotFoundException;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.UserCoupon;

/**
 * Claims on OLD, in one local transaction of the legacy database each, through the
 * gateway (which takes the user's gateway lock on OLD first):
 * <ol>
 * <li>a replay: the request ID's row in {@code t_coupon_migration_claim_request} answers
 * its coupon before any rule, as on NEW;</li>
 * <li>the rules, on the legacy template as the platform maps it;</li>
 * <li>the per-user limit: the user's claimed rows of the template counted under the
 * user's lock, so of two claims of one user through the platform the second counts the
 * first (OLD has no unique key that could do it; the monolith's own claims take no such
 * lock and are as exact as they always were);</li>
 * <li>the stock: {@code taken_count} moved by the monolith's own guard (decision 1),
 * which stays exact while the monolith claims too;</li>
 * <li>the row, as the monolith writes it, its ID OLD's AUTO_INCREMENT (from
 * SINGLE_WRITE_OLD on a generator ID, decision 2), and the request ID's row.</li>
 * </ol>
 * A refusal rolls all of it back. Times are whole seconds, as OLD stores them, so a
 * replay answers exactly the coupon the claim answered.
 */
final class OldClaims implements LegacyClaims {

	/** {@code t_user_coupon.get_type} of a claim. */
	private static final int CLAIMED = 1;

	private final CouponGateway gateway;

	private final OldTemplates templates;

	private final OldWallet wallet;

	private final LegacyTime time;

	private final Clock clock;

	OldClaims(CouponGateway gateway, OldTemplates templates, OldWallet wallet, LegacyTime time, Clock clock) {
		this.gateway = gateway;
		this.templates = templates;
		this.wallet = wallet;
		this.time = time;
		this.clock = clock;
	}

	@Override
	public ClaimResult claim(long userId, long templateId, String requestId, CouponOrigin origin) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		LocalDateTime local = this.time.toLocal(now);
		// Read before the transaction: one on OLD never waits for a second connection.
		Optional<Mapping<MigratedTemplate>> mapping = this.templates.mapping(templateId);
		try {
			return this.gateway.changeOld(userId, (writes) -> {
				JdbcClient sql = writes.sql();
				List<Earlier> earlier = earlier(sql, userId, origin, requestId);
				for (Earlier claim : earlier) {
					if (claim.templateId == templateId) {
						return new ClaimResult(replayed(sql, userId, claim, mapping), true);
					}
				}
				if (origin == CouponOrigin.CLAIM && !earlier.isEmpty()) {
					throw new IdempotencyKeyReusedException(requestId);
				}
				CouponTemplate template = OldTemplates.mapped(mapping)
					.orElseThrow(() -> new TemplateNotFoundException(templateId));
				template.checkClaimableAt(now);
				int claimed = sql
					.sql("SELECT COUNT(*) FROM t_user_coupon WHERE uid = ? AND tpl_id = ? AND get_type = " + CLAIMED)
					.params(userId, templateId)
					.query(Integer.class)
					.single();
				if (claimed >= template.perUserLimit()) {
					throw new PerUserLimitReachedException(templateId, template.perUserLimit());
				}
				if (!writes.takeStock(templateId, local)) {
					throw new StockRefused();
				}
				UserCoupon coupon = this.wallet.insertNew(writes, userId, mapping, template, CLAIMED, now, null)
					.coupon();
				sql.sql("INSERT INTO t_coupon_migration_claim_request (uid, request_id, origin, tpl_id, "
						+ "user_coupon_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
					.params(userId, requestId, origin.name(), templateId, coupon.id(), UtcInstants.text(now))
					.update();
				return new ClaimResult(coupon, false);
			});
		}
		catch (StockRefused refused) {
			// Say why from OLD as it is now: the monolith may have paused or ended it.
			this.templates.findFresh(templateId)
				.orElseThrow(() -> new TemplateNotFoundException(templateId))
				.checkClaimableAt(now);
			throw new CouponSoldOutException(templateId);
		}
	}

	@Override
	public Set<Long> batchTemplates(long userId, String requestId) {
		Set<Long> templates = new HashSet<>();
		earlier(this.wallet.sql(), userId, CouponOrigin.BATCH_CLAIM, requestId)
			.forEach((claim) -> templates.add(claim.templateId));
		return templates;
	}

	private static List<Earlier> earlier(JdbcClient sql, long userId, CouponOrigin origin, String requestId) {
		return sql
			.sql("SELECT tpl_id, user_coupon_id FROM t_coupon_migration_claim_request WHERE uid = ? AND origin = ? "
					+ "AND request_id = ?")
			.params(userId, origin.name(), requestId)
			.query((rs, n) -> new Earlier(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	private UserCoupon replayed(JdbcClient sql, long userId, Earlier claim,
			Optional<Mapping<MigratedTemplate>> template) {
		return OldWallet.row(sql, userId, claim.couponId)
			.flatMap((row) -> this.wallet.map(row, template))
			.orElseThrow(() -> new IllegalStateException("claim request of user " + userId + " names coupon "
					+ claim.couponId + ", which OLD no longer has"))
			.coupon();
	}

	private record Earlier(long templateId, long couponId) {
	}

	/** OLD's guard took no unit; the transaction rolls back before the reason is read. */
	private static final class StockRefused extends RuntimeException {

		StockRefused() {
			super(null, null, false, false);
		}

	}

}
