package com.couponplatform.sharding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * The platform's one routing function: {@code h = CRC32(key as UTF-8)} as an unsigned
 * 32-bit number, database {@code h / M % N}, table {@code h % M}.
 *
 * <p>
 * IEEE CRC32 (not CRC32C) so that an operator can ask MySQL itself where a user lives:
 * {@code SELECT CRC32('12345') DIV 8 % 2}. Dividing by M before taking the database keeps
 * the table and database digits independent, so every physical table gets an even share.
 */
public final class ShardRouter {

	private final ShardingLayout layout;

	public ShardRouter(ShardingLayout layout) {
		this.layout = layout;
	}

	public ShardingLayout layout() {
		return this.layout;
	}

	/**
	 * Locates a user.
	 * @param userId a positive user ID
	 * @return the user's shard database and table
	 */
	public ShardLocation locateUser(long userId) {
		return locate(Long.toString(userId));
	}

	/**
	 * Locates any sharding key given as its canonical string (a user ID in decimal, a
	 * normalised code).
	 * @param key the canonical key
	 * @return the key's shard database and table
	 */
	public ShardLocation locate(String key) {
		long h = hash(key);
		int tables = this.layout.tables();
		return new ShardLocation((int) (h / tables % this.layout.databases()), (int) (h % tables));
	}

	/**
	 * Groups items by where their keys route, for writers that address physical tables
	 * directly: shard database, then physical table, both in index order.
	 * @param <T> the items
	 * @param items the items, in the order each table's list keeps
	 * @param key an item's canonical sharding key (a user ID in decimal, a normalised
	 * code)
	 * @return database index → table index → the items routed there
	 */
	public <T> Map<Integer, Map<Integer, List<T>>> byDatabaseAndTable(Collection<T> items, Function<T, String> key) {
		Map<Integer, Map<Integer, List<T>>> byDatabase = new TreeMap<>();
		for (T item : items) {
			ShardLocation location = locate(key.apply(item));
			byDatabase.computeIfAbsent(location.database(), (database) -> new TreeMap<>())
				.computeIfAbsent(location.table(), (table) -> new ArrayList<>())
				.add(item);
		}
		return byDatabase;
	}

	/**
	 * The unsigned IEEE CRC32 of the key's UTF-8 bytes.
	 * @param key the canonical key
	 * @return a value in {@code [0, 2^32)}
	 */
	public static long hash(String key) {
		CRC32 crc = new CRC32();
		crc.update(key.getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

	static String dataSourceName(int database) {
		return "ds_" + database;
	}

}
