package com.couponplatform.gateway;

import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.migration.Epoch;

/**
 * The legacy database as the gateway writes it: its pool, and local transactions at READ
 * COMMITTED, so that a count taken under a lock sees every write committed before the
 * lock was granted (the monolith's included).
 */
public final class OldDatabase {

	private final JdbcClient sql;

	private final TransactionTemplate transaction;

	private final TransactionTemplate snapshot;

	/**
	 * @param dataSource the legacy database's pool
	 * @param timeoutSeconds the longest one transaction may run
	 */
	public OldDatabase(DataSource dataSource, int timeoutSeconds) {
		this.sql = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.transaction.setTimeout(timeoutSeconds);
		this.snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/**
	 * Statements outside the gateway's transactions: reads of users' rows and of the
	 * legacy templates.
	 * @return the client
	 */
	public JdbcClient sql() {
		return this.sql;
	}

	TransactionTemplate transaction() {
		return this.transaction;
	}

	/**
	 * @return local transactions of OLD at READ COMMITTED, for the platform's own tables
	 * there (the outbox's relay)
	 */
	public TransactionTemplate readCommitted() {
		return this.transaction;
	}

	/**
	 * Reads at one consistent point: every statement of the work sees OLD as it was when
	 * the first one ran (a read-only REPEATABLE READ transaction).
	 * @param <T> the result
	 * @param work the reads
	 * @return the result
	 */
	public <T> T atOnePoint(Function<JdbcClient, T> work) {
		return this.snapshot.execute((status) -> work.apply(this.sql));
	}

	/**
	 * Moves OLD's phase fence to an epoch: a write decided under an older one is refused
	 * from now on, and the update waits for the writes already past the fence. The
	 * worker's, before it moves the phase in the global database (and back, when the
	 * transition fails after all).
	 * @param epoch the epoch
	 */
	public void fencePhase(Epoch epoch) {
		this.transaction.executeWithoutResult((status) -> this.sql
			.sql("INSERT INTO t_coupon_migration_epoch (id, phase, epoch, updated_at) VALUES (1, ?, ?, NOW(3)) "
					+ "ON DUPLICATE KEY UPDATE phase = VALUES(phase), epoch = VALUES(epoch), updated_at = NOW(3)")
			.params(epoch.phase().name(), epoch.number())
			.update());
	}

}
