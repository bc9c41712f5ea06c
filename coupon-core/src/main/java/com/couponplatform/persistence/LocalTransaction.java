package com.couponplatform.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * One local transaction on a connection of one physical pool, for the infrastructure that
 * addresses a shard database directly (the outbox relay, jobs and writers that have
 * already routed their rows): commit when the work returns, roll back when it throws.
 * Hikari restores the connection's auto-commit and isolation when it goes back to the
 * pool.
 */
public final class LocalTransaction {

	private LocalTransaction() {
	}

	/**
	 * Runs work in a transaction at the pool's isolation level.
	 * @param <T> the result
	 * @param <E> what the work may throw
	 * @param pool the physical pool
	 * @param work the statements
	 * @return the work's result, committed
	 * @throws E when the work fails (after the rollback)
	 * @throws SQLException when no connection, commit or rollback can be had
	 */
	public static <T, E extends Exception> T run(DataSource pool, Work<T, E> work) throws E, SQLException {
		return run(pool, null, work);
	}

	/**
	 * Runs work in a transaction at READ COMMITTED: a locking read then locks the rows it
	 * returns and no gap, so concurrent inserts next to them do not wait for it.
	 * @param <T> the result
	 * @param <E> what the work may throw
	 * @param pool the physical pool
	 * @param work the statements
	 * @return the work's result, committed
	 * @throws E when the work fails (after the rollback)
	 * @throws SQLException when no connection, commit or rollback can be had
	 */
	public static <T, E extends Exception> T readCommitted(DataSource pool, Work<T, E> work) throws E, SQLException {
		return run(pool, Connection.TRANSACTION_READ_COMMITTED, work);
	}

	private static <T, E extends Exception> T run(DataSource pool, Integer isolation, Work<T, E> work)
			throws E, SQLException {
		try (Connection connection = pool.getConnection()) {
			if (isolation != null) {
				connection.setTransactionIsolation(isolation);
			}
			connection.setAutoCommit(false);
			try {
				T result = work.apply(connection);
				connection.commit();
				return result;
			}
			catch (Exception ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	/**
	 * Statements on the transaction's connection.
	 *
	 * @param <T> the result
	 * @param <E> what they may throw
	 */
	@FunctionalInterface
	public interface Work<T, E extends Exception> {

		T apply(Connection connection) throws E;

	}

}
