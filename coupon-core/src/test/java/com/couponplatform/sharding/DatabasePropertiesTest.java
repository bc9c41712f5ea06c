package com.couponplatform.sharding;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servers of an installation as environment variables set them: every part not set
 * for the global database or a shard defaults to the {@code COUPON_DB_*} server's.
 */
class DatabasePropertiesTest {

	@Test
	void withOneServerEveryDatabaseIsOnIt() {
		DatabaseProperties database = bind(Map.of("COUPON_DB_HOST", "db.internal", "COUPON_DB_PORT", "3307",
				"COUPON_DB_REPLICAS", "replica.internal:3307"));

		assertThat(database.globalServer()).isEqualTo("db.internal:3307");
		assertThat(database.shardServer(0)).isEqualTo("db.internal:3307");
		assertThat(database.shardServer(1)).isEqualTo("db.internal:3307");
		assertThat(database.shardReplicas(1)).containsExactly("replica.internal:3307");
	}

	@Test
	void theGlobalDatabaseAndEachShardMayHaveAServerOfTheirOwn() {
		DatabaseProperties database = bind(
				Map.of("COUPON_DB_HOST", "db.internal", "COUPON_DB_PORT", "3307", "COUPON_DB_REPLICAS",
						"replica.internal:3307", "COUPON_DB_GLOBAL_HOST", "global.internal", "COUPON_DB_SHARD_1_HOST",
						"shard1.internal", "COUPON_DB_SHARD_1_PORT", "3310", "COUPON_DB_SHARD_1_REPLICAS",
						"shard1-a.internal:3310,shard1-b.internal:3310", "COUPON_DB_SHARD_2_PORT", "3311"));

		assertThat(database.globalServer()).isEqualTo("global.internal:3307");
		assertThat(database.shardServer(0)).isEqualTo("db.internal:3307");
		assertThat(database.shardReplicas(0)).containsExactly("replica.internal:3307");
		assertThat(database.shardServer(1)).isEqualTo("shard1.internal:3310");
		assertThat(database.shardReplicas(1)).containsExactly("shard1-a.internal:3310", "shard1-b.internal:3310");
		assertThat(database.shardServer(2)).isEqualTo("db.internal:3311");
		assertThat(database.shardReplicas(2)).containsExactly("replica.internal:3307");
		assertThat(database.getShard()).containsOnlyKeys(1, 2);
	}

	private static DatabaseProperties bind(Map<String, Object> environment) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		return new Binder(ConfigurationPropertySources.from(sources)).bind("coupon.db", DatabaseProperties.class).get();
	}

}
