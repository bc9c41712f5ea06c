package com.couponplatform.sharding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The physical connection pools behind ShardingSphere: the global database and one pool
 * per shard database, by logical name ({@code ds_global}, {@code ds_0 … ds_{N-1}}).
 *
 * <p>
 * Application code goes through ShardingSphere. These pools are for infrastructure that
 * must address one physical database on purpose: per-shard health, the outbox relay, bulk
 * writers that have already routed their rows.
 */
public final class ShardDataSources implements AutoCloseable {

	public static final String GLOBAL = "ds_global";

	private final Map<String, HikariDataSource> all;

	ShardDataSources(Map<String, HikariDataSource> all) {
		this.all = Collections.unmodifiableMap(new LinkedHashMap<>(all));
	}

	/**
	 * Every pool by logical name, the global one first.
	 * @return an unmodifiable map
	 */
	public Map<String, DataSource> all() {
		return Collections.unmodifiableMap(this.all);
	}

	/**
	 * The shard pools only, in index order.
	 * @return an unmodifiable map from {@code ds_<i>} to its pool
	 */
	public Map<String, DataSource> shards() {
		Map<String, DataSource> shards = new LinkedHashMap<>(this.all);
		shards.remove(GLOBAL);
		return Collections.unmodifiableMap(shards);
	}

	public DataSource shard(int index) {
		return this.all.get(ShardRouter.dataSourceName(index));
	}

	@Override
	public void close() {
		this.all.values().forEach(HikariDataSource::close);
	}

}
