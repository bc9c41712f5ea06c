package com.couponplatform.sharding;

import java.util.List;

import com.couponplatform.shared.RetryLaterException;

/**
 * Which shard databases answer now, as their {@link ShardCircuit}s say: for work that
 * should not start on a database it cannot finish on (a claim would take stock only to
 * give it back; a job round would fail on it), and for reads that may fall back to a
 * replica.
 */
public final class ShardAvailability {

	/** What a refused user is told to wait before retrying. */
	public static final long RETRY_AFTER_SECONDS = 1;

	private final ShardDataSources pools;

	private final ShardRouter router;

	ShardAvailability(ShardDataSources pools, ShardRouter router) {
		this.pools = pools;
		this.router = router;
	}

	/**
	 * @param database a shard database's index
	 * @return whether its primary answers (it may be written)
	 */
	public boolean isWritable(int database) {
		return this.pools.circuit(ShardRouter.dataSourceName(database)).isClosed();
	}

	/**
	 * @param database a shard database's index
	 * @return whether it has read replicas
	 */
	public boolean hasReplicas(int database) {
		return !this.pools.replicaCircuits(ShardRouter.dataSourceName(database)).isEmpty();
	}

	/**
	 * @param database a shard database's index
	 * @return whether it has replicas and every one of them answers
	 */
	public boolean replicasAnswer(int database) {
		List<ShardCircuit> replicas = this.pools.replicaCircuits(ShardRouter.dataSourceName(database));
		return !replicas.isEmpty() && replicas.stream().allMatch(ShardCircuit::isClosed);
	}

	/**
	 * @return whether every shard primary answers
	 */
	public boolean allWritable() {
		for (int database = 0; database < this.router.layout().databases(); database++) {
			if (!isWritable(database)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The physical tables of the shards whose primary answers, for jobs that walk them
	 * all: a shard that does not answer is left to a later round, and the others are not
	 * held up by it.
	 * @return locations in layout order
	 */
	public List<ShardLocation> writableLocations() {
		return this.router.layout().locations().stream().filter((location) -> isWritable(location.database())).toList();
	}

	/**
	 * Refuses work for a user whose shard primary does not answer.
	 * @param userId the user
	 * @throws RetryLaterException 503 with {@code Retry-After} when it does not
	 */
	public void requireWritable(long userId) {
		int database = this.router.locateUser(userId).database();
		if (!isWritable(database)) {
			throw unavailable(database);
		}
	}

	/**
	 * The refusal for a user of a shard that cannot serve them.
	 * @param database the shard database's index
	 * @return 503 {@code SERVICE_UNAVAILABLE}, retry after a second
	 */
	public static RetryLaterException unavailable(int database) {
		return new RetryLaterException("The database holding this user's coupons is unavailable; retry shortly",
				RETRY_AFTER_SECONDS);
	}

	/**
	 * @return every database's circuit, primaries (global first) then replicas
	 */
	public List<ShardCircuit> circuits() {
		return this.pools.guarded().stream().map(GuardedPool::circuit).toList();
	}

}
