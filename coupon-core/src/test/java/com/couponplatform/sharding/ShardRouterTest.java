package com.couponplatform.sharding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShardRouterTest {

	@Test
	void routesTheProductTestVectorToDatabaseOneTableFour() {
		assertThat(ShardRouter.hash("12345")).isEqualTo(3421846044L);
		assertThat(new ShardRouter(new ShardingLayout(2, 8)).locateUser(12345)).isEqualTo(new ShardLocation(1, 4));
	}

	@Test
	void computesDatabaseFromTheHashDividedByTablesAndTableFromTheRemainder() {
		ShardRouter router = new ShardRouter(new ShardingLayout(3, 5));
		long h = ShardRouter.hash("987654321");
		assertThat(router.locateUser(987654321L)).isEqualTo(new ShardLocation((int) (h / 5 % 3), (int) (h % 5)));
	}

	@Test
	void treatsTheHashAsUnsigned() {
		// CRC32 of "12345" is above 2^31: a signed int would give a negative suffix.
		ShardLocation location = new ShardRouter(new ShardingLayout(7, 3)).locate("12345");
		assertThat(location.database()).isBetween(0, 6);
		assertThat(location.table()).isBetween(0, 2);
	}

	@Test
	void spreadsSequentialUsersEvenlyOverEveryPhysicalTable() {
		ShardRouter router = new ShardRouter(new ShardingLayout(2, 8));
		Map<ShardLocation, Integer> counts = new HashMap<>();
		for (long user = 1; user <= 160_000; user++) {
			counts.merge(router.locateUser(user), 1, Integer::sum);
		}
		assertThat(counts).hasSize(16);
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isBetween(9_000, 11_000));
	}

	@Test
	void listsEveryPhysicalTableOnceDatabaseByDatabase() {
		assertThat(new ShardingLayout(2, 3).locations()).containsExactly(new ShardLocation(0, 0),
				new ShardLocation(0, 1), new ShardLocation(0, 2), new ShardLocation(1, 0), new ShardLocation(1, 1),
				new ShardLocation(1, 2));
	}

	@Test
	void namesPhysicalTablesAndDataSourcesBySuffix() {
		ShardLocation location = new ShardLocation(1, 4);
		assertThat(location.physicalTable("user_coupon")).isEqualTo("user_coupon_4");
		assertThat(location.dataSourceName()).isEqualTo("ds_1");
	}

	@Test
	void refusesAnEmptyLayout() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ShardingLayout(0, 8));
		assertThatIllegalArgumentException().isThrownBy(() -> new ShardingLayout(2, 0));
	}

	@Test
	void groupsItemsByDatabaseThenTableInIndexOrderKeepingTheirOrder() {
		ShardRouter router = new ShardRouter(new ShardingLayout(2, 8));
		List<Long> users = List.of(12345L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);

		Map<Integer, Map<Integer, List<Long>>> grouped = router.byDatabaseAndTable(users, String::valueOf);

		assertThat(grouped.get(1).get(4)).startsWith(12345L);
		assertThat(List.copyOf(grouped.keySet())).isSorted();
		int items = 0;
		for (Map.Entry<Integer, Map<Integer, List<Long>>> database : grouped.entrySet()) {
			assertThat(List.copyOf(database.getValue().keySet())).isSorted();
			for (Map.Entry<Integer, List<Long>> table : database.getValue().entrySet()) {
				for (long user : table.getValue()) {
					assertThat(router.locateUser(user)).isEqualTo(new ShardLocation(database.getKey(), table.getKey()));
				}
				assertThat(table.getValue()).isSortedAccordingTo((x, y) -> users.indexOf(x) - users.indexOf(y));
				items += table.getValue().size();
			}
		}
		assertThat(items).isEqualTo(users.size());
	}

}
