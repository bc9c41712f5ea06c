package com.couponplatform.phasemachine;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.migration.LegacyDatabaseConfigured;
import com.couponplatform.migration.MigrationFaults;
import com.couponplatform.migration.MigrationProperties;
import com.couponplatform.migration.MigrationState;
import com.couponplatform.redemption.LegacyCodeCopies;
import com.couponplatform.replication.BackfillProperties;
import com.couponplatform.replication.CopyRemoval;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.template.LegacyTemplateCopies;
import com.couponplatform.template.SuperBlacklist;

/**
 * The phase machine's use cases in every process (the console reads phase NONE too), and
 * its runner in the worker alone.
 */
@Configuration(proxyBeanMethods = false)
class PhaseMachineConfiguration {

	@Bean
	TransitionStore transitionStore(ShardDataSources pools) {
		return new TransitionStore(pools.all().get(ShardDataSources.GLOBAL));
	}

	@Bean
	ReadMigration readMigration(MigrationState state, TransitionStore store, ShardDataSources pools,
			ObjectProvider<OldDatabase> old, MigrationProperties properties) {
		return new ReadMigration(state, store, pools.all().get(ShardDataSources.GLOBAL), old.getIfAvailable(),
				properties.getProcessLease());
	}

	@Bean
	RequestTransition requestTransition(MigrationState state, TransitionStore store, ShardDataSources pools,
			ObjectProvider<OldDatabase> old, MigrationProperties properties, Clock clock) {
		PhaseMachine machine = PhaseMachine.of(pools.all().get(ShardDataSources.GLOBAL), old.getIfAvailable(),
				properties, clock, null, null, 0);
		return new RequestTransition(state, store, machine.checks(), machine.works(), clock);
	}

	@Bean
	@Conditional(LegacyDatabaseConfigured.class)
	@ConditionalOnProperty(name = "coupon.migration.worker", havingValue = "true")
	TransitionRunner transitionRunner(MigrationState state, TransitionStore store, ShardDataSources pools,
			OldDatabase old, MigrationProperties properties, Clock clock, LegacyTemplateCopies templates,
			LegacyCodeCopies codes, SuperBlacklist blacklist, IdGenerator ids, LegacyTime time, CopyRemoval removal,
			BackfillProperties backfill) {
		DataSource global = pools.all().get(ShardDataSources.GLOBAL);
		StaticCopy copy = new StaticCopy(old, global, templates, codes, blacklist, ids, time, clock,
				new MigrationFaults(properties.getPauseAt()));
		PhaseMachine machine = PhaseMachine.of(global, old, properties, clock, copy, removal, backfill.getRanges());
		return new TransitionRunner(state, store, machine.checks(), machine.works(), old, global, properties, clock,
				MigrationProperties.workerName());
	}

}
