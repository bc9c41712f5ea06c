package com.couponplatform.sharding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

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

	private static final String REPLICA = "_replica_";

	private final Map<String, GuardedPool> all;

	private final Map<String, List<GuardedPool>> replicas;

	ShardDataSources(Map<String, GuardedPool> all, Map<String, List<GuardedPool>> replicas) {
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
	 * The pools as ShardingSphere sees them: a shard without replicas under its logical
	 * name; a shard with replicas as its primary {@code ds_<i>_primary} and its replicas
	 * {@code ds_<i>_replica_<k>}, so that the read-write group can take the logical name
	 * {@code ds_<i>}.
	 * @return pools by ShardingSphere data source name
	 */
	Map<String, DataSource> routable() {
		Map<String, DataSource> routable = new LinkedHashMap<>();
		this.all.forEach((name, pool) -> {
			List<GuardedPool> shardReplicas = this.replicas.get(name);
			if (shardReplicas == null) {
				routable.put(name, pool);
				return;
			}
			routable.put(primaryName(name), pool);
			for (int k = 0; k < shardReplicas.size(); k++) {
				routable.put(replicaName(name, k), shardReplicas.get(k));
			}
		});
		return routable;
	}

	/**
	 * The replica pools of each shard that has them.
	 * @return by shard logical name, the number of its replicas
	 */
	Map<String, Integer> replicaCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.replicas.forEach((shard, pools) -> counts.put(shard, pools.size()));
		return counts;
	}

	/**
	 * Every pool, replicas included, each behind its circuit.
	 * @return primaries (global first) then replicas
	 */
	List<GuardedPool> guarded() {
		List<GuardedPool> pools = new ArrayList<>(this.all.values());
		this.replicas.values().forEach(pools::addAll);
		return pools;
	}

	/**
	 * The circuit of the global database or a shard's primary.
	 * @param name {@code ds_global} or {@code ds_<i>}
	 * @return its circuit
	 */
	ShardCircuit circuit(String name) {
		return this.all.get(name).circuit();
	}

	/**
	 * The circuits of a shard's replicas.
	 * @param name {@code ds_<i>}
	 * @return one per replica, empty when it has none
	 */
	List<ShardCircuit> replicaCircuits(String name) {
		return this.replicas.getOrDefault(name, List.of()).stream().map(GuardedPool::circuit).toList();
	}

	static String primaryName(String shard) {
		return shard + "_primary";
	}

	static String replicaName(String shard, int index) {
		return shard + REPLICA + index;
	}

	/**
	 * @param name a pool's name
	 * @return whether it is a replica's
	 */
	public static boolean isReplica(String name) {
		return name.contains(REPLICA);
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
		guarded().forEach(GuardedPool::close);
	}

}
