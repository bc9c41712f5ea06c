package com.couponplatform.sharding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Writes through ShardingSphere and reads every physical table directly: each user's rows
 * are in {@code <prefix>_ds_{h/M%N}.user_coupon_{h%M}} and nowhere else.
 */
@RealServices
class UserShardPlacementIT {

	private static final int USERS = 3_000;

	private final String prefix = TestServices.uniquePrefix();

	private ShardDataSources pools;

	@AfterEach
	void dropTestDatabases() {
		if (this.pools != null) {
			this.pools.close();
		}
		TestServices.dropDatabases(this.prefix);
	}

	@ParameterizedTest(name = "N={0}, M={1}")
	@CsvSource({ "2, 8", "3, 5", "1, 1" })
	void placesEveryUsersCouponsInTheirOwnPhysicalTableOnly(int databases, int tables) throws Exception {
		ShardingProperties sharding = layout(databases, tables);
		ShardingDataSourceConfiguration configuration = new ShardingDataSourceConfiguration();
		this.pools = configuration.shardDataSources(TestServices.database(this.prefix), sharding, Clock.systemUTC());
		DataSource sharded = configuration.dataSource(this.pools, sharding, TestServices.database(this.prefix));
		insertOneCouponPerUser(sharded);

		Map<Long, String> found = new HashMap<>();
		int rows = 0;
		for (int d = 0; d < databases; d++) {
			try (Connection connection = this.pools.shard(d).getConnection();
					Statement statement = connection.createStatement()) {
				for (int t = 0; t < tables; t++) {
					try (ResultSet result = statement.executeQuery("SELECT user_id FROM user_coupon_" + t)) {
						while (result.next()) {
							rows++;
							assertThat(found.put(result.getLong(1), d + "." + t))
								.as("user %d in two places", result.getLong(1))
								.isNull();
						}
					}
				}
			}
		}
		ShardRouter router = new ShardRouter(sharding.layout());
		assertThat(rows).isEqualTo(USERS);
		for (long user = 1; user <= USERS; user++) {
			ShardLocation expected = router.locateUser(user * 7919);
			assertThat(found.get(user * 7919)).isEqualTo(expected.database() + "." + expected.table());
		}
		// Reads through ShardingSphere find the row by user ID.
		try (Connection connection = sharded.getConnection();
				PreparedStatement query = connection
					.prepareStatement("SELECT COUNT(*) FROM user_coupon WHERE user_id = ?")) {
			query.setLong(1, 1234 * 7919L);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				assertThat(result.getInt(1)).isEqualTo(1);
			}
		}
	}

	@Test
	void refusesToStartWithAnotherLayoutThanTheOneRecorded() {
		ShardingDataSourceConfiguration configuration = new ShardingDataSourceConfiguration();
		configuration.shardDataSources(TestServices.database(this.prefix), layout(3, 5), Clock.systemUTC()).close();
		assertThatExceptionOfType(ShardingLayoutMismatchException.class)
			.isThrownBy(() -> configuration.shardDataSources(TestServices.database(this.prefix), layout(2, 8),
					Clock.systemUTC()))
			.withMessageContaining("3 databases x 5 tables")
			.withMessageContaining("COUPON_SHARDING_DATABASES=3");
	}

	@Test
	void appliesTheSchemaOnceWhenStartedAgain() throws Exception {
		ShardingDataSourceConfiguration configuration = new ShardingDataSourceConfiguration();
		configuration.shardDataSources(TestServices.database(this.prefix), layout(2, 4), Clock.systemUTC()).close();
		this.pools = configuration.shardDataSources(TestServices.database(this.prefix), layout(2, 4),
				Clock.systemUTC());
		try (Connection connection = this.pools.shard(1).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_history")) {
			result.next();
			int shipped = new PathMatchingResourcePatternResolver().getResources("classpath*:sql/shard/V*.sql").length;
			assertThat(shipped).isPositive();
			assertThat(result.getInt(1)).isEqualTo(shipped);
			assertThat(result.getInt(2)).isEqualTo(shipped);
		}
	}

	private static ShardingProperties layout(int databases, int tables) {
		ShardingProperties sharding = new ShardingProperties();
		sharding.setDatabases(databases);
		sharding.setTables(tables);
		return sharding;
	}

	private static void insertOneCouponPerUser(DataSource sharded) throws Exception {
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection connection = sharded.getConnection();
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO user_coupon (id, user_id, template_id, "
							+ "status, type, discount_amount, valid_from, valid_until, claimed_at, origin, origin_ref, updated_at) "
							+ "VALUES (?, ?, 1, 'UNUSED', 'FIXED_AMOUNT', 100, ?, ?, ?, 'ISSUANCE', 'placement', ?)")) {
			for (long user = 1; user <= USERS; user++) {
				// Spread-out IDs, not 1..N, so that the test does not depend on small
				// numbers.
				insert.setLong(1, user);
				insert.setLong(2, user * 7919);
				insert.setTimestamp(3, now);
				insert.setTimestamp(4, now);
				insert.setTimestamp(5, now);
				insert.setTimestamp(6, now);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

}
