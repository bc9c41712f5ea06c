package com.couponplatform.health;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;

import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardingProperties;
import com.couponplatform.sharding.TestShardDataSources;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One unreachable shard (its circuit open) degrades health without taking the platform
 * down; the global database, or every shard at once, is DOWN. Health reads the circuits;
 * the prober that opens them is exercised by the outage tests of coupon-api.
 */
@RealServices
class ShardHealthIT {

	/** The order configured in coupon-core.properties. */
	private static final SimpleStatusAggregator aggregator = new SimpleStatusAggregator("DOWN", "OUT_OF_SERVICE",
			"DEGRADED", "UP", "UNKNOWN");

	private final String prefix = TestServices.uniquePrefix();

	private ShardDataSources pools;

	private CompositeHealthContributor shards;

	@BeforeEach
	void startPools() {
		ShardingProperties sharding = new ShardingProperties();
		sharding.setDatabases(3);
		sharding.setTables(2);
		this.pools = TestShardDataSources.create(TestServices.database(this.prefix), sharding, Clock.systemUTC());
		this.shards = (CompositeHealthContributor) new HealthConfiguration()
			.shardsHealthContributor(TestShardDataSources.availability(this.pools, sharding));
	}

	@AfterEach
	void closePools() {
		this.pools.close();
		TestServices.dropDatabases(this.prefix);
	}

	@Test
	void reportsEveryReachableDatabaseUp() {
		assertThat(status("ds_global")).isEqualTo(Status.UP);
		assertThat(status("ds_0")).isEqualTo(Status.UP);
		assertThat(overall()).isEqualTo(Status.UP);
	}

	@Test
	void degradesWhenOneShardIsUnreachable() {
		TestShardDataSources.open(this.pools, "ds_1");
		assertThat(status("ds_1")).isEqualTo(HealthConfiguration.DEGRADED);
		assertThat(status("ds_0")).isEqualTo(Status.UP);
		assertThat(status("ds_2")).isEqualTo(Status.UP);
		assertThat(overall()).isEqualTo(HealthConfiguration.DEGRADED);
	}

	@Test
	void isDownWhenEveryShardIsUnreachable() {
		for (int i = 0; i < 3; i++) {
			TestShardDataSources.open(this.pools, "ds_" + i);
		}
		assertThat(status("ds_0")).isEqualTo(Status.DOWN);
		assertThat(status("ds_global")).isEqualTo(Status.UP);
		assertThat(overall()).isEqualTo(Status.DOWN);
	}

	@Test
	void isDownWhenTheGlobalDatabaseIsUnreachable() {
		TestShardDataSources.open(this.pools, ShardDataSources.GLOBAL);
		assertThat(status("ds_global")).isEqualTo(Status.DOWN);
		assertThat(status("ds_0")).isEqualTo(Status.UP);
	}

	private Status status(String name) {
		return ((HealthIndicator) this.shards.getContributor(name)).health().getStatus();
	}

	private Status overall() {
		Set<Status> statuses = new LinkedHashSet<>();
		this.shards.forEach((named) -> statuses.add(((HealthIndicator) named.getContributor()).health().getStatus()));
		return aggregator.getAggregateStatus(statuses);
	}

}
