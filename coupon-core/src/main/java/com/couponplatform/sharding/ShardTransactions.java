package com.couponplatform.sharding;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local transactions on one shard database's own pool, for the writers that address
 * physical tables directly (jobs and batch writers that have routed their rows already,
 * the outbox relay, a code's use): Spring's transaction template and {@link JdbcClient}
 * over that pool, so the statements of one piece of work share its connection and commit
 * or roll back together.
 */
public final class ShardTransactions {

	private final List<Shard> shards;

	ShardTransactions(ShardDataSources pools, int databases) {
		this.shards = IntStream.range(0, databases).mapToObj((index) -> new Shard(pools.shard(index))).toList();
	}

	/**
	 * Runs work in one transaction of a shard database, at the pool's isolation level.
	 * @param <T> the result
	 * @param database the shard database's index
	 * @param work statements through the client it is given
	 * @return the work's result, committed
	 */
	public <T> T inShard(int database, Function<JdbcClient, T> work) {
		Shard shard = this.shards.get(database);
		return shard.transaction.execute((status) -> work.apply(shard.sql));
	}

	/**
	 * Runs work in one transaction of a shard database at READ COMMITTED: a locking read
	 * then locks the rows it returns and no gap, so concurrent inserts next to them do
	 * not wait for it.
	 * @param <T> the result
	 * @param database the shard database's index
	 * @param work statements through the client it is given
	 * @return the work's result, committed
	 */
	public <T> T inShardReadCommitted(int database, Function<JdbcClient, T> work) {
		Shard shard = this.shards.get(database);
		return shard.readCommitted.execute((status) -> work.apply(shard.sql));
	}

	/**
	 * @return how many shard databases there are
	 */
	public int databases() {
		return this.shards.size();
	}

	/**
	 * Statements outside any transaction (reads), each on a connection of the pool.
	 * @param database the shard database's index
	 * @return the client
	 */
	public JdbcClient sql(int database) {
		return this.shards.get(database).sql;
	}

	private static final class Shard {

		private final JdbcClient sql;

		private final TransactionTemplate transaction;

		private final TransactionTemplate readCommitted;

		private Shard(DataSource pool) {
			DataSourceTransactionManager manager = new DataSourceTransactionManager(pool);
			this.sql = JdbcClient.create(pool);
			this.transaction = new TransactionTemplate(manager);
			this.readCommitted = new TransactionTemplate(manager);
			this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		}

	}

}
