package com.couponplatform.redemption;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;

import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.messaging.Outbox;
import com.couponplatform.messaging.Topics;
import com.couponplatform.persistence.LocalTransaction;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;

/**
 * The code's side of a redemption, one local transaction of the code's shard database:
 * the code's row is locked, so concurrent redemptions of one code queue behind each other
 * and exactly as many succeed as it has uses; the use, the user's redemption row (one per
 * code and user) and the {@link RedemptionAccepted} event commit together.
 */
@Component
class TakeCodeUse {

	private final ShardDataSources dataSources;

	private final ShardRouter router;

	private final RedeemableBatches batches;

	private final Outbox outbox;

	private final Topics topics;

	private final IdGenerator ids;

	private final Clock clock;

	TakeCodeUse(ShardDataSources dataSources, ShardRouter router, RedeemableBatches batches, Outbox outbox,
			Topics topics, IdGenerator ids, Clock clock) {
		this.dataSources = dataSources;
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
		try {
			return LocalTransaction.readCommitted(this.dataSources.shard(location.database()), (connection) -> {
				LockedCode locked = lock(connection, codes, code).orElseThrow(CodeNotRedeemableException::new);
				CodeBatch batch = this.batches.find(locked.batchId).orElseThrow(CodeNotRedeemableException::new);
				Optional<Use> earlier = earlier(connection, redemptions, code, userId, batch);
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
				write(connection, codes, redemptions, accepted);
				this.outbox.append(connection, userId, this.topics.redemptionAccepted(), code, accepted);
				return new Use(accepted, false);
			});
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("redeeming a code", null, ex);
		}
	}

	private static Optional<LockedCode> lock(Connection connection, String codes, String code) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT batch_id, uses_left FROM " + codes + " WHERE code = ? FOR UPDATE")) {
			select.setString(1, code);
			try (ResultSet rows = select.executeQuery()) {
				return rows.next() ? Optional.of(new LockedCode(rows.getLong(1), rows.getInt(2))) : Optional.empty();
			}
		}
	}

	private static Optional<Use> earlier(Connection connection, String redemptions, String code, long userId,
			CodeBatch batch) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT request_id, coupon_id, redeemed_at FROM " + redemptions + " WHERE code = ? AND user_id = ?")) {
			select.setString(1, code);
			select.setLong(2, userId);
			try (ResultSet rows = select.executeQuery()) {
				if (!rows.next()) {
					return Optional.empty();
				}
				// Event ID 0: a replay's copy is never appended to an outbox.
				return Optional.of(new Use(
						new RedemptionAccepted(0, code, batch.id(), batch.templateId(), userId, rows.getString(1),
								rows.getLong(2), rows.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
						true));
			}
		}
	}

	private static void write(Connection connection, String codes, String redemptions, RedemptionAccepted accepted)
			throws SQLException {
		try (PreparedStatement use = connection
			.prepareStatement("UPDATE " + codes + " SET uses_left = uses_left - 1 WHERE code = ? AND uses_left > 0")) {
			use.setString(1, accepted.code());
			if (use.executeUpdate() != 1) {
				throw new IllegalStateException("Code row changed under its lock");
			}
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + redemptions
				+ " (code, user_id, request_id, coupon_id, redeemed_at) VALUES (?, ?, ?, ?, ?)")) {
			insert.setString(1, accepted.code());
			insert.setLong(2, accepted.userId());
			insert.setString(3, accepted.requestId());
			insert.setLong(4, accepted.couponId());
			// UTC wall time, as the MyBatis mappers write instants.
			insert.setObject(5, LocalDateTime.ofInstant(accepted.redeemedAt(), ZoneOffset.UTC));
			insert.executeUpdate();
		}
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
