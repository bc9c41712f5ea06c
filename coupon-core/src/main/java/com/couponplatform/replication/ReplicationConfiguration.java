package com.couponplatform.replication;

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.legacy.CodeMapping;
import com.couponplatform.legacy.CouponMapping;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.legacy.UseLogMapping;
import com.couponplatform.legacy.store.OldTemplates;
import com.couponplatform.messaging.Topics;
import com.couponplatform.migration.LegacyDatabaseConfigured;
import com.couponplatform.migration.MigrationEpochs;
import com.couponplatform.migration.MigrationFaults;
import com.couponplatform.migration.MigrationProperties;
import com.couponplatform.migration.WorkerLoop;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardTransactions;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The replication OLD → NEW, in the worker alone (decision 4): the relay of OLD's outbox,
 * the applier and the copy's removal.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ReplicationProperties.class, BackfillProperties.class, VerificationProperties.class })
@Conditional(LegacyDatabaseConfigured.class)
@ConditionalOnProperty(name = "coupon.migration.worker", havingValue = "true")
class ReplicationConfiguration {

	@Bean
	MappedCoupons mappedCoupons(OldTemplates templates, LegacyTime time) {
		return new MappedCoupons(templates, new CouponMapping(time));
	}

	@Bean
	UserCopy userCopy(CouponGateway gateway, OldDatabase old, MappedCoupons coupons, LegacyTime time) {
		return new UserCopy(gateway, new OldUserRows(old), new NewUserRows(new CouponMapping(time)), coupons);
	}

	@Bean
	UseLogCopy useLogCopy(OldDatabase old, ShardTransactions shards, ShardRouter router, LegacyTime time) {
		return new UseLogCopy(old, shards, router, new UseLogMapping(time));
	}

	@Bean
	CodeStateCopy codeStateCopy(OldDatabase old, ShardDataSources pools, ShardTransactions shards, ShardRouter router,
			LegacyTime time) {
		return new CodeStateCopy(old, pools.all().get(ShardDataSources.GLOBAL), shards, router, time);
	}

	@Bean
	WorkerLoop oldOutboxRelay(OldDatabase old, RocketMQTemplate rocketMQ, Topics topics, MigrationEpochs epochs,
			ReplicationProperties settings) {
		OldOutboxRelay relay = new OldOutboxRelay(old, rocketMQ.getProducer(), topics.migrationToNew(), epochs,
				settings);
		return new WorkerLoop("old-outbox-relay", 1, relay::round, settings.getInterval());
	}

	@Bean
	OldChangeApplier oldChangeApplier(Topics topics, ReplicationProperties settings, MigrationEpochs epochs,
			ShardDataSources pools, OldDatabase old, UserCopy users, UseLogCopy useLogs, CodeStateCopy codes,
			MeterRegistry registry) {
		return new OldChangeApplier(topics.migrationToNew(), topics.consumerGroup("migration_applier"),
				settings.getApplierThreads(), epochs, pools.all().get(ShardDataSources.GLOBAL), old, users, useLogs,
				codes, registry);
	}

	@Bean
	CopyComparison copyComparison(OldDatabase old, ShardTransactions shards, ShardRouter router, ShardDataSources pools,
			LegacyTime time, MappedCoupons coupons) {
		return new CopyComparison(old, new NewUserRows(new CouponMapping(time)), coupons, shards, router,
				pools.all().get(ShardDataSources.GLOBAL), new UseLogMapping(time), new CodeMapping(time));
	}

	@Bean
	CopyRemoval copyRemoval(CouponGateway gateway, OldDatabase old, ShardTransactions shards, ShardRouter router,
			ShardDataSources pools) {
		return new CopyRemoval(gateway, old, shards, router,
				new Backfill(JdbcClient.create(pools.all().get(ShardDataSources.GLOBAL)), old.sql()));
	}

	@Bean
	WorkerLoop backfill(ShardDataSources pools, OldDatabase old, MigrationEpochs epochs, UserCopy users,
			UseLogCopy useLogs, CodeStateCopy codes, BackfillProperties settings, MigrationProperties migration) {
		BackfillRunner runner = new BackfillRunner(JdbcClient.create(pools.all().get(ShardDataSources.GLOBAL)), old,
				epochs, users, useLogs, codes, settings, new MigrationFaults(migration.getPauseAt()),
				MigrationProperties.workerName(), migration.getPoll().toMillis(), migration.getTransitionLease());
		return new WorkerLoop("backfill", settings.getThreads(), runner::copyOneRange, migration.getPoll());
	}

	@Bean
	WorkerLoop verification(ShardDataSources pools, OldDatabase old, ShardTransactions shards, ShardRouter router,
			CopyComparison comparison, VerificationProperties settings, MigrationProperties migration) {
		VerificationRunner runner = new VerificationRunner(JdbcClient.create(pools.all().get(ShardDataSources.GLOBAL)),
				old, shards, router, comparison, settings.getRecheckDelay(), settings.getPageSize(),
				settings.getRowsPerSecond(), MigrationProperties.workerName(), migration.getPoll().toMillis(),
				// A page waits out its re-check delay before its checkpoint renews the
				// lease.
				migration.getTransitionLease().plus(settings.getRecheckDelay().multipliedBy(2)));
		return new WorkerLoop("verification", 1, runner::runOnce, migration.getPoll());
	}

}
