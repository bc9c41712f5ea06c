package com.couponplatform.replication;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.MigrationEpochs;

/**
 * Sends OLD's outbox to the broker while OLD's writes replicate to NEW (invariant 4): the
 * changes no one has sent yet, oldest first, then, now and again, those sent long ago and
 * still not applied. A change is marked sent once the broker has taken it, and stays in
 * the outbox until the applier has written it into NEW and deleted it, so a broker or
 * applier outage leaves the changes waiting and counted, and a relay killed between
 * sending and marking sends them again, which the applier absorbs. Rows are taken with
 * {@code SKIP LOCKED}, so two workers never send the same round at once.
 */
final class OldOutboxRelay {

	private final OldDatabase old;

	private final TransactionTemplate transaction;

	private final DefaultMQProducer producer;

	private final String topic;

	private final MigrationEpochs epochs;

	private final ReplicationProperties settings;

	/** When stale changes were last looked for; one relay thread reads it. */
	private long staleAt = System.nanoTime();

	OldOutboxRelay(OldDatabase old, DefaultMQProducer producer, String topic, MigrationEpochs epochs,
			ReplicationProperties settings) {
		this.old = old;
		this.transaction = old.readCommitted();
		this.producer = producer;
		this.topic = topic;
		this.epochs = epochs;
		this.settings = settings;
	}

	/**
	 * Sends one round.
	 * @param stale whether this round sends changes sent long ago instead of new ones
	 * @return how many changes were sent
	 */
	int relayOnce(boolean stale) {
		return this.transaction.execute((status) -> {
			JdbcClient sql = this.old.sql();
			Map<Long, String> round = new LinkedHashMap<>();
			String which = stale
					? "sent_at < NOW(3) - INTERVAL " + this.settings.getResendAfter().toMillis() * 1000 + " MICROSECOND"
					: "sent_at IS NULL";
			sql.sql("SELECT id, uid, payload FROM t_coupon_migration_outbox WHERE " + which
					+ " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
				.param(this.settings.getBatchSize())
				.query((rs) -> {
					round.put(rs.getLong(1), rs.getLong(2) + "\n" + rs.getString(3));
				});
			if (round.isEmpty()) {
				return 0;
			}
			send(round);
			sql.sql("UPDATE t_coupon_migration_outbox SET sent_at = NOW(3) WHERE id IN (:ids)")
				.param("ids", round.keySet())
				.update();
			return round.size();
		});
	}

	private void send(Map<Long, String> round) {
		List<Message> messages = new ArrayList<>(round.size());
		round.values().forEach((row) -> {
			int newline = row.indexOf('\n');
			messages.add(new Message(this.topic, "change", row.substring(0, newline),
					row.substring(newline + 1).getBytes(StandardCharsets.UTF_8)));
		});
		if (this.settings.isRedeliver()) {
			// The fault drill: everything twice, the second time newest first.
			List<Message> reversed = new ArrayList<>(messages);
			Collections.reverse(reversed);
			messages.addAll(reversed);
		}
		try {
			this.producer.send(messages, this.producer.getSendMsgTimeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the broker did not take " + messages.size() + " changes", ex);
		}
	}

	/**
	 * One round of the relay: the changes never sent, and now and again those sent long
	 * ago and not yet applied.
	 * @return whether the round sent a full batch (another follows at once)
	 */
	boolean round() {
		if (!this.epochs.writable().phase().replicatesToNew()) {
			return false;
		}
		int sent = relayOnce(false);
		if (System.nanoTime() - this.staleAt > this.settings.getResendAfter().toNanos()) {
			this.staleAt = System.nanoTime();
			sent += relayOnce(true);
		}
		return sent >= this.settings.getBatchSize();
	}

}
