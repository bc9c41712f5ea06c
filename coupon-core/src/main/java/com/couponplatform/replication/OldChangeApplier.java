package com.couponplatform.replication;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.LegacyChange;
import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.messaging.EventSubscription;
import com.couponplatform.migration.Epoch;
import com.couponplatform.migration.MigrationEpochs;
import com.couponplatform.migration.Phase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Applies OLD's changes to NEW (DUAL_WRITE until each user's cutover). A change copies
 * its user as OLD holds them now ({@link UserCopy}, which also migrates a user NEW has
 * not copied yet, decision 11), then the use-log rows and codes it names, and only then
 * leaves OLD's outbox: applying a change twice, or an older one after a newer, writes
 * nothing (invariant 3). A change made under an epoch before the migration last entered
 * DUAL_WRITE (a rollback since) is dropped, as is every change while OLD's writes do not
 * replicate.
 */
final class OldChangeApplier implements EventSubscription {

	private static final Logger logger = LoggerFactory.getLogger(OldChangeApplier.class);

	private final String topic;

	private final String group;

	private final int threads;

	private final MigrationEpochs epochs;

	private final JdbcClient global;

	private final OldDatabase old;

	private final UserCopy users;

	private final UseLogCopy useLogs;

	private final CodeStateCopy codes;

	private final Counter applied;

	private final Counter dropped;

	private final Timer lag;

	private volatile long startEpochFor = -1;

	private volatile long startEpoch;

	OldChangeApplier(String topic, String group, int threads, MigrationEpochs epochs, DataSource global,
			OldDatabase old, UserCopy users, UseLogCopy useLogs, CodeStateCopy codes, MeterRegistry registry) {
		this.topic = topic;
		this.group = group;
		this.threads = threads;
		this.epochs = epochs;
		this.global = JdbcClient.create(global);
		this.old = old;
		this.users = users;
		this.useLogs = useLogs;
		this.codes = codes;
		this.applied = Counter.builder("coupon.migration.replication.applied")
			.description("OLD's changes applied to NEW")
			.tag("direction", "toNew")
			.register(registry);
		this.dropped = Counter.builder("coupon.migration.replication.dropped")
			.description("OLD's changes dropped: made before a rollback, or while nothing replicates")
			.tag("direction", "toNew")
			.register(registry);
		this.lag = Timer.builder("coupon.migration.replication.delay")
			.description("From a change's commit on OLD to its copy in NEW")
			.tag("direction", "toNew")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	@Override
	public String topic() {
		return this.topic;
	}

	@Override
	public String consumerGroup() {
		return this.group;
	}

	@Override
	public int consumerThreads() {
		return this.threads;
	}

	@Override
	public void handle(String payload) {
		LegacyChange change;
		try {
			change = LegacyChange.parse(payload);
		}
		catch (IllegalArgumentException ex) {
			logger.error("Dropping a malformed change: {}", payload, ex);
			return;
		}
		apply(change);
	}

	void apply(LegacyChange change) {
		Epoch epoch = this.epochs.writable();
		if (!epoch.phase().replicatesToNew() || change.epoch() < startEpoch(epoch)) {
			// Never to be applied: it leaves the outbox, so pending counts only what is.
			leaveOutbox(change);
			this.dropped.increment();
			logger.debug("Dropped change {} of user {} made under epoch {} (now {} at epoch {})", change.id(),
					change.userId(), change.epoch(), epoch.phase(), epoch.number());
			return;
		}
		Optional<UserCopy.Outcome> copied = this.users.copy(change.userId(), epoch.number());
		if (copied.isEmpty()) {
			// Cut over to NEW since: the cutover drained this user's changes first, so
			// this one is a duplicate of one applied.
			logger.debug("Change {} of user {}, who is on NEW now: nothing to copy", change.id(), change.userId());
		}
		else {
			this.useLogs.copy(change.useLogIds());
			this.codes.copy(change.codes());
		}
		if (leaveOutbox(change)) {
			this.applied.increment();
			this.lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - change.madeAt())));
		}
	}

	/**
	 * @return whether this delivery was the one that took the change out
	 */
	private boolean leaveOutbox(LegacyChange change) {
		return this.old.sql()
			.sql("DELETE FROM t_coupon_migration_outbox WHERE id = ?")
			.param(change.id())
			.update() == 1;
	}

	/** The epoch the migration last entered DUAL_WRITE at, read once per epoch. */
	private long startEpoch(Epoch now) {
		if (this.startEpochFor != now.number()) {
			this.startEpoch = this.global
				.sql("SELECT COALESCE(MAX(epoch), 0) FROM migration_history WHERE to_phase = ?")
				.param(Phase.DUAL_WRITE.name())
				.query(Long.class)
				.single();
			this.startEpochFor = now.number();
		}
		return this.startEpoch;
	}

}
