package com.couponplatform.sharding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

	private final Map<String, List<HikariDataSource>> replicas;

	ShardDataSources(Map<String, HikariDataSource> all, Map<String, List<HikariDataSource>> replicas) {
		this.all = Collections.unmodifiableMap(new LinkedHashMap<>(all));
		this.replicas = Collections.unmodifiableMap(new LinkedHashMap<>(replicas));
	}

	/**
	 * Whether shard reads may go to replicas.
	 * @return {@code true} when replicas are configured
	 */
	public boolean hasReplicas() {
		return !this.replicas.isEmpty();
	}

	/**
	 * The pools as ShardingSphere sees them: without replicas the same as {@link #all()};
	 * with them, each shard's primary as {@code ds_<i>_primary} and its replicas as
	 * {@code ds_<i>_replica_<k>}, so that the read-write group can take the shard's
	 * logical name {@code ds_<i>}.
	 * @return pools by ShardingSphere data source name
	 */
	Map<String, DataSource> routable() {
		if (!hasReplicas()) {
			return all();
		}
		Map<String, DataSource> routable = new LinkedHashMap<>();
		routable.put(GLOBAL, this.all.get(GLOBAL));
		this.replicas.forEach((shard, pools) -> {
			routable.put(primaryName(shard), this.all.get(shard));
			for (int k = 0; k < pools.size(); k++) {
				routable.put(replicaName(shard, k), pools.get(k));
			}
		});
		return routable;
	}

	/**
	 * The number of replica pools of each shard.
	 * @return replicas per shard, 0 when there are none
	 */
	int replicasPerShard() {
		return this.replicas.values().stream().findFirst().map(List::size).orElse(0);
	}

	static String primaryName(String shard) {
		return shard + "_primary";
	}

	static String replicaName(String shard, int index) {
		return shard + "_replica_" + index;
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
		this.replicas.values().forEach((pools) -> pools.forEach(HikariDataSource::close));
	}

}
