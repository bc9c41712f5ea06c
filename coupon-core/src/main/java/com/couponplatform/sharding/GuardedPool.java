package com.couponplatform.sharding;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One physical database's pool behind its {@link ShardCircuit}: while the circuit is open
 * a connection is refused at once ({@link ShardUnavailableException}); while it is closed
 * the pool hands out connections as usual and remembers which are in use, so that when
 * the server freezes the prober can abort the statements hanging on it instead of leaving
 * their threads blocked until the socket timeout.
 *
 * <p>
 * A request waits for a connection in slices of the pool's own {@code connectionTimeout}
 * ({@link #WAIT_SLICE}), looking at the circuit between them: a busy pool of a database
 * that answers keeps it waiting up to {@code acquireTimeout} (a flash sale queues on one
 * shard's connections), while a database whose circuit opened refuses it at the end of
 * the slice instead of holding its thread for the whole wait.
 *
 * <p>
 * It stays a {@link HikariDataSource} because ShardingSphere reads the pool's settings
 * (URL, user) from it.
 */
final class GuardedPool extends HikariDataSource {

	private static final Logger logger = LoggerFactory.getLogger(GuardedPool.class);

	/**
	 * Hikari's shortest connection timeout: one wait between two looks at the circuit.
	 */
	static final Duration WAIT_SLICE = Duration.ofMillis(250);

	private final ShardCircuit circuit;

	private final long acquireTimeoutNanos;

	private final Set<Connection> inUse = ConcurrentHashMap.newKeySet();

	/**
	 * @param config the pool's settings; its connection timeout is set to
	 * {@link #WAIT_SLICE}
	 * @param acquireTimeout the longest a request waits for a connection while the
	 * circuit stays closed
	 * @param circuit the database's circuit
	 */
	GuardedPool(HikariConfig config, Duration acquireTimeout, ShardCircuit circuit) {
		super(sliced(config));
		this.acquireTimeoutNanos = acquireTimeout.toNanos();
		this.circuit = circuit;
	}

	private static HikariConfig sliced(HikariConfig config) {
		config.setConnectionTimeout(WAIT_SLICE.toMillis());
		return config;
	}

	ShardCircuit circuit() {
		return this.circuit;
	}

	@Override
	public Connection getConnection() throws SQLException {
		long deadline = System.nanoTime() + this.acquireTimeoutNanos;
		while (true) {
			if (!this.circuit.isClosed()) {
				this.circuit.refused();
				throw new ShardUnavailableException(this.circuit);
			}
			try {
				return tracked(super.getConnection());
			}
			catch (SQLTransientConnectionException timedOut) {
				// No connection within the slice: a busy pool, or a server that stopped
				// answering. The prober tells which; the next look at the circuit acts.
				this.circuit.suspect();
				if (System.nanoTime() - deadline >= 0) {
					throw timedOut;
				}
			}
			catch (SQLException ex) {
				this.circuit.suspect();
				throw ex;
			}
		}
	}

	/**
	 * Takes and returns one connection of the pool, whatever the circuit says: a database
	 * that answers again gets its first pooled connection before its users do, so they do
	 * not wait for it to be created (a server just restarted answers its first connection
	 * slowly).
	 * @throws SQLException when the pool cannot connect
	 */
	void warmUp() throws SQLException {
		super.getConnection().close();
	}

	/**
	 * Aborts every connection in use (their statements fail at once) and retires the idle
	 * ones, which a frozen or restarted server would leave dead.
	 * @param executor runs the aborts
	 */
	void abandonConnections(Executor executor) {
		for (Connection connection : this.inUse) {
			try {
				connection.abort(executor);
			}
			catch (SQLException | RuntimeException ex) {
				logger.debug("Could not abort a connection of {}: {}", getPoolName(), ex.toString());
			}
		}
		if (getHikariPoolMXBean() != null) {
			getHikariPoolMXBean().softEvictConnections();
		}
	}

	/** The pool's connection, forgotten again when its user closes it. */
	private Connection tracked(Connection connection) {
		this.inUse.add(connection);
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "equals":
							return proxy == args[0];
						case "hashCode":
							return System.identityHashCode(proxy);
						case "close":
							this.inUse.remove(connection);
							break;
						default:
							break;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
