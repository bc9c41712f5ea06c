package com.couponplatform.redemption;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.persistence.UtcInstants;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardTransactions;

/**
 * The code's side of a redemption, one local transaction of the code's shard database:
 * the code's row is locked, so concurrent redemptions of one code queue behind each other
 * and exactly as many succeed as it has uses; the use, the user's redemption row (one per
 * code and user) and the {@link RedemptionAccepted} event commit together.
 */
@Component
class TakeCodeUse {

	private final ShardTransactions shards;

	private final ShardRouter router;

	private final RedeemableBatches batches;

	private final Outbox outbox;

	private final Topics topics;

	private final IdGenerator ids;

	private final Clock clock;

	TakeCodeUse(ShardTransactions shards, ShardRouter router, RedeemableBatches batches, Outbox outbox, Topics topics,
			IdGenerator ids, Clock clock) {
		this.shards = shards;
		this.router = router;
		this.batches = batches;
		this.outbox = outbox;
		this.topics = topics;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Takes one use of a code for a user, or finds the use this request took before.
	 * @param code a normalised, well-formed code
	 * @param userId the user
	 * @param requestId the user's request ID
	 * @return the redemption, and whether it was taken before
	 * @throws CodeNotRedeemableException when the code is unknown, used up, outside its
	 * window, or was redeemed by this user under another request ID
	 */
	Use take(String code, long userId, String requestId) {
		ShardLocation location = this.router.locate(code);
		String codes = location.physicalTable(CodeStore.TABLE);
		String redemptions = location.physicalTable("code_redemption");
		return this.shards.inShardReadCommitted(location.database(), (sql) -> {
			LockedCode locked = sql.sql("SELECT batch_id, uses_left FROM " + codes + " WHERE code = ? FOR UPDATE")
				.param(code)
				.query((rs, n) -> new LockedCode(rs.getLong(1), rs.getInt(2)))
				.optional()
				.orElseThrow(CodeNotRedeemableException::new);
			CodeBatch batch = this.batches.find(locked.batchId).orElseThrow(CodeNotRedeemableException::new);
			Optional<Use> earlier = earlier(sql, redemptions, code, userId, batch);
			if (earlier.isPresent()) {
				if (!earlier.get().redemption().requestId().equals(requestId)) {
					throw new CodeNotRedeemableException();
				}
				return earlier.get();
			}
			// Millisecond precision, as stored: a replay rebuilds the same coupon.
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			if (locked.usesLeft <= 0 || !batch.isRedeemableAt(now)) {
				throw new CodeNotRedeemableException();
			}
			RedemptionAccepted accepted = new RedemptionAccepted(this.outbox.newEventId(), code, batch.id(),
					batch.templateId(), userId, requestId, this.ids.nextId(), now);
			write(sql, codes, redemptions, accepted);
			this.outbox.append(sql, userId, this.topics.redemptionAccepted(), code, accepted);
			return new Use(accepted, false);
		});
	}

	private static Optional<Use> earlier(JdbcClient sql, String redemptions, String code, long userId,
			CodeBatch batch) {
		// Event ID 0: a replay's copy is never appended to an outbox.
		return sql
			.sql("SELECT request_id, coupon_id, redeemed_at FROM " + redemptions + " WHERE code = ? AND user_id = ?")
			.params(code, userId)
			.query((rs,
					n) -> new Use(new RedemptionAccepted(0, code, batch.id(), batch.templateId(), userId,
							rs.getString(1), rs.getLong(2), UtcInstants.instant(rs.getObject(3, LocalDateTime.class))),
							true))
			.optional();
	}

	private static void write(JdbcClient sql, String codes, String redemptions, RedemptionAccepted accepted) {
		if (sql.sql("UPDATE " + codes + " SET uses_left = uses_left - 1 WHERE code = ? AND uses_left > 0")
			.param(accepted.code())
			.update() != 1) {
			throw new IllegalStateException("Code row changed under its lock");
		}
		sql.sql("INSERT INTO " + redemptions + " (code, user_id, request_id, coupon_id, redeemed_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(accepted.code(), accepted.userId(), accepted.requestId(), accepted.couponId(),
					UtcInstants.text(accepted.redeemedAt()))
			.update();
	}

	/**
	 * A use of a code.
	 *
	 * @param redemption what the coupon is made of
	 * @param replayed whether an earlier call with the same request ID took it
	 */
	record Use(RedemptionAccepted redemption, boolean replayed) {
	}

	private record LockedCode(long batchId, int usesLeft) {
	}

}
