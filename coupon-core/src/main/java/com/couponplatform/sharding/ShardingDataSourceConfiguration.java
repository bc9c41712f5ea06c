package com.couponplatform.sharding;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.infra.config.mode.ModeConfiguration;
import org.apache.shardingsphere.infra.config.rule.RuleConfiguration;
import org.apache.shardingsphere.mode.repository.standalone.StandalonePersistRepositoryConfiguration;
import org.apache.shardingsphere.readwritesplitting.config.ReadwriteSplittingRuleConfiguration;
import org.apache.shardingsphere.readwritesplitting.config.rule.ReadwriteSplittingDataSourceGroupRuleConfiguration;
import org.apache.shardingsphere.readwritesplitting.transaction.TransactionalReadQueryStrategy;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.NoneShardingStrategyConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.StandardShardingStrategyConfiguration;
import org.apache.shardingsphere.single.config.SingleRuleConfiguration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Builds the ShardingSphere-JDBC data source from N and M in code (YAML ranges cannot do
 * arithmetic on placeholders): the global database for single tables, and every user
 * table sharded by {@link UserShardingAlgorithm}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DatabaseProperties.class, ShardingProperties.class })
public class ShardingDataSourceConfiguration {

	/**
	 * Logical tables split over N databases x M tables, with their sharding column: a
	 * user's rows by {@code user_id}, redemption codes by the normalised {@code code},
	 * both through the same routing function.
	 */
	static final Map<String, String> TABLE_SHARDED = Map.of("user_coupon", "user_id", "user_tag", "user_id",
			"coupon_order", "user_id", "redemption_request", "user_id", "migration_user_side", "user_id",
			"redemption_code", "code", "code_redemption", "code");

	/**
	 * Logical tables with one table per shard database (an outbox the relay scans per
	 * database).
	 */
	static final List<String> DATABASE_SHARDED = List.of("outbox_event");

	@Bean
	ShardRouter shardRouter(ShardingProperties sharding) {
		return new ShardRouter(sharding.layout());
	}

	@Bean(destroyMethod = "close")
	ShardDataSources shardDataSources(DatabaseProperties database, ShardingProperties sharding, Clock clock) {
		ShardingLayout layout = sharding.layout();
		checkShardServers(database, layout);
		// The schema must exist before the pools and ShardingSphere load table metadata.
		new SchemaInstaller(database, layout, clock).install();
		Map<String, GuardedPool> pools = new LinkedHashMap<>();
		Map<String, List<GuardedPool>> replicas = new LinkedHashMap<>();
		pools.put(ShardDataSources.GLOBAL,
				pool(database, database.globalServer(), database.globalDatabase(), ShardDataSources.GLOBAL));
		for (int i = 0; i < layout.databases(); i++) {
			String name = ShardRouter.dataSourceName(i);
			pools.put(name, pool(database, database.shardServer(i), database.shardDatabase(i), name));
			List<GuardedPool> shardReplicas = new ArrayList<>();
			for (String replica : database.shardReplicas(i)) {
				shardReplicas.add(pool(database, replica, database.shardDatabase(i),
						ShardDataSources.replicaName(name, shardReplicas.size())));
			}
			if (!shardReplicas.isEmpty()) {
				replicas.put(name, shardReplicas);
			}
		}
		return new ShardDataSources(pools, replicas);
	}

	@Bean
	ShardProber shardProber(ShardDataSources pools, DatabaseProperties database) {
		return new ShardProber(pools, database);
	}

	@Bean
	ShardAvailability shardAvailability(ShardDataSources pools, ShardRouter router) {
		return new ShardAvailability(pools, router);
	}

	/**
	 * Per database: {@code coupon.shard.available} (1 while its circuit is closed) and
	 * {@code coupon.shard.refused} (connections refused while it was open), and the
	 * pool's own {@code hikaricp.connections.*} meters (tag {@code pool}), which say who
	 * waited on which database.
	 */
	@Bean
	MeterBinder shardCircuitMetrics(ShardDataSources pools) {
		return (registry) -> {
			for (GuardedPool pool : pools.guarded()) {
				pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
				ShardCircuit circuit = pool.circuit();
				Gauge.builder("coupon.shard.available", circuit, (c) -> c.isClosed() ? 1 : 0)
					.description("1 while the database answers its probes, 0 while its circuit is open")
					.tag("database", circuit.database())
					.register(registry);
				FunctionCounter.builder("coupon.shard.refused", circuit, ShardCircuit::refusedCount)
					.description("Connection requests refused at once because the database's circuit was open")
					.tag("database", circuit.database())
					.register(registry);
			}
		};
	}

	@Bean
	ShardTransactions shardTransactions(ShardDataSources pools, ShardingProperties sharding) {
		return new ShardTransactions(pools, sharding.layout().databases());
	}

	@Bean
	@Primary
	DataSource dataSource(ShardDataSources pools, ShardingProperties sharding, DatabaseProperties database)
			throws SQLException {
		Properties props = new Properties();
		props.setProperty("sql-show", Boolean.toString(sharding.isShowSql()));
		List<RuleConfiguration> rules = new ArrayList<>(List.of(shardingRule(sharding.layout()), singleRule()));
		if (pools.hasReplicas()) {
			rules.add(readwriteSplittingRule(pools.replicaCounts()));
		}
		DataSource dataSource = ShardingSphereDataSourceFactory.createDataSource(database.getPrefix(), standaloneMode(),
				pools.routable(), rules, props);
		// ShardingSphere initialises lazily on the first connection (seconds): pay it
		// before the process reports ready, not on a user's first request.
		try (Connection connection = dataSource.getConnection()) {
			connection.isValid(5);
		}
		return dataSource;
	}

	/** A server named for a shard the layout does not have is a typo, not a default. */
	private static void checkShardServers(DatabaseProperties database, ShardingLayout layout) {
		for (int index : database.getShard().keySet()) {
			if (index < 0 || index >= layout.databases()) {
				throw new IllegalStateException("COUPON_DB_SHARD_" + index + "_* names shard database " + index
						+ ", but there are " + layout.databases() + " (0 to " + (layout.databases() - 1) + ")");
			}
		}
	}

	private static GuardedPool pool(DatabaseProperties database, String server, String databaseName, String poolName) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(poolName);
		config.setJdbcUrl(database.jdbcUrl(server, databaseName));
		config.setUsername(database.getUser());
		config.setPassword(database.getPassword());
		config.setMaximumPoolSize(database.getPoolSize());
		config.setMinimumIdle(1);
		config.setValidationTimeout(250);
		// A shard that is down at start-up must not stop the others from serving.
		config.setInitializationFailTimeout(-1);
		return new GuardedPool(config, database.getAcquireTimeout(), new ShardCircuit(poolName));
	}

	/**
	 * Standalone mode keeps its metadata in an in-memory H2 database; a name of its own
	 * per data source keeps two contexts in one JVM (tests) from sharing it.
	 */
	private static ModeConfiguration standaloneMode() {
		Properties props = new Properties();
		props.setProperty("provider", "H2");
		props.setProperty("jdbc_url", "jdbc:h2:mem:shardingsphere_" + UUID.randomUUID().toString().replace("-", "")
				+ ";DB_CLOSE_DELAY=-1;DATABASE_TO_UPPER=false;MODE=MYSQL");
		return new ModeConfiguration("Standalone", new StandalonePersistRepositoryConfiguration("JDBC", props));
	}

	private static RuleConfiguration shardingRule(ShardingLayout layout) {
		ShardingRuleConfiguration rule = new ShardingRuleConfiguration();
		rule.getShardingAlgorithms().put("user_database", algorithm("database", layout));
		rule.getShardingAlgorithms().put("user_table", algorithm("table", layout));
		String databases = "ds_${0.." + (layout.databases() - 1) + "}";
		for (Map.Entry<String, String> sharded : TABLE_SHARDED.entrySet()) {
			String table = sharded.getKey();
			String column = sharded.getValue();
			ShardingTableRuleConfiguration tableRule = new ShardingTableRuleConfiguration(table,
					databases + "." + table + "_${0.." + (layout.tables() - 1) + "}");
			tableRule.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration(column, "user_database"));
			tableRule.setTableShardingStrategy(new StandardShardingStrategyConfiguration(column, "user_table"));
			rule.getTables().add(tableRule);
		}
		for (String table : DATABASE_SHARDED) {
			ShardingTableRuleConfiguration tableRule = new ShardingTableRuleConfiguration(table,
					databases + "." + table);
			tableRule
				.setDatabaseShardingStrategy(new StandardShardingStrategyConfiguration("user_id", "user_database"));
			tableRule.setTableShardingStrategy(new NoneShardingStrategyConfiguration());
			rule.getTables().add(tableRule);
		}
		return rule;
	}

	private static AlgorithmConfiguration algorithm(String target, ShardingLayout layout) {
		Properties props = new Properties();
		props.setProperty("strategy", "STANDARD");
		props.setProperty("algorithmClassName", UserShardingAlgorithm.class.getName());
		props.setProperty(UserShardingAlgorithm.TARGET, target);
		props.setProperty(UserShardingAlgorithm.DATABASES, Integer.toString(layout.databases()));
		props.setProperty(UserShardingAlgorithm.TABLES, Integer.toString(layout.tables()));
		return new AlgorithmConfiguration("CLASS_BASED", props);
	}

	/**
	 * Each shard becomes a read-write group under its logical name: writes, and every
	 * statement inside a transaction, go to the primary; other reads to the replicas in
	 * turn, unless {@link ReadYourWrites} asks for the primary.
	 */
	private static RuleConfiguration readwriteSplittingRule(Map<String, Integer> replicaCounts) {
		List<ReadwriteSplittingDataSourceGroupRuleConfiguration> groups = new ArrayList<>();
		for (Map.Entry<String, Integer> replicated : replicaCounts.entrySet()) {
			String shard = replicated.getKey();
			List<String> reads = new ArrayList<>();
			for (int k = 0; k < replicated.getValue(); k++) {
				reads.add(ShardDataSources.replicaName(shard, k));
			}
			groups.add(new ReadwriteSplittingDataSourceGroupRuleConfiguration(shard,
					ShardDataSources.primaryName(shard), reads, TransactionalReadQueryStrategy.PRIMARY, "round_robin"));
		}
		return new ReadwriteSplittingRuleConfiguration(groups,
				Map.of("round_robin", new AlgorithmConfiguration("ROUND_ROBIN", new Properties())));
	}

	private static RuleConfiguration singleRule() {
		return new SingleRuleConfiguration(List.of(ShardDataSources.GLOBAL + ".*"), ShardDataSources.GLOBAL);
	}

}
