package com.couponplatform.phasemachine;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.LegacyDatabaseConfigured;
import com.couponplatform.migration.MigrationProperties;
import com.couponplatform.migration.MigrationState;
import com.couponplatform.sharding.ShardDataSources;

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
			MigrationProperties properties) {
		return new ReadMigration(state, store, pools.all().get(ShardDataSources.GLOBAL), properties.getProcessLease());
	}

	@Bean
	RequestTransition requestTransition(MigrationState state, TransitionStore store, ShardDataSources pools,
			ObjectProvider<OldDatabase> old, MigrationProperties properties, Clock clock) {
		PhaseMachine machine = PhaseMachine.of(pools.all().get(ShardDataSources.GLOBAL), old.getIfAvailable(),
				properties, clock);
		return new RequestTransition(state, store, machine.checks(), machine.works(), clock);
	}

	@Bean
	@Conditional(LegacyDatabaseConfigured.class)
	@ConditionalOnProperty(name = "coupon.migration.worker", havingValue = "true")
	TransitionRunner transitionRunner(MigrationState state, TransitionStore store, ShardDataSources pools,
			OldDatabase old, MigrationProperties properties, Clock clock) {
		PhaseMachine machine = PhaseMachine.of(pools.all().get(ShardDataSources.GLOBAL), old, properties, clock);
		return new TransitionRunner(state, store, machine.checks(), machine.works(), old,
				pools.all().get(ShardDataSources.GLOBAL), properties, clock, PhaseMachine.workerName());
	}

}
