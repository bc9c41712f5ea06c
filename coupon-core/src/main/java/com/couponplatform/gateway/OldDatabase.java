package com.couponplatform.gateway;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legacy database as the gateway writes it: its pool, and local transactions at READ
 * COMMITTED, so that a count taken under a lock sees every write committed before the
 * lock was granted (the monolith's included).
 */
public final class OldDatabase {

	private final JdbcClient sql;

	private final TransactionTemplate transaction;

	/**
	 * @param dataSource the legacy database's pool
	 * @param timeoutSeconds the longest one transaction may run
	 */
	public OldDatabase(DataSource dataSource, int timeoutSeconds) {
		this.sql = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.transaction.setTimeout(timeoutSeconds);
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

}
