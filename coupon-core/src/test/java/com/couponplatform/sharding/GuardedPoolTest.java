package com.couponplatform.sharding;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The wait for a connection of a one-connection pool (a real Hikari pool over an
 * in-memory H2 database: the pool is what is under test, not the server), with the one
 * connection held by the test.
 */
class GuardedPoolTest {

	private ShardCircuit circuit;

	private GuardedPool pool;

	@BeforeEach
	void onePooledConnection() {
		HikariConfig config = new HikariConfig();
		config
			.setJdbcUrl("jdbc:h2:mem:guarded_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
		config.setMaximumPoolSize(1);
		config.setMinimumIdle(1);
		this.circuit = new ShardCircuit("ds_7");
		this.pool = new GuardedPool(config, Duration.ofSeconds(5), this.circuit);
	}

	@AfterEach
	void closePool() {
		this.pool.close();
	}

	@Test
	void aBusyPoolOfAnAnsweringDatabaseKeepsTheRequestWaitingPastOneSlice() throws Exception {
		Connection held = this.pool.getConnection();
		CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(this::connection);
		// Four slices go by with the circuit closed: the request is still waiting.
		Thread.sleep(4 * GuardedPool.WAIT_SLICE.toMillis());
		assertThat(waiting).isNotDone();
		held.close();
		try (Connection handedOver = waiting.get(5, TimeUnit.SECONDS)) {
			assertThat(handedOver.isValid(1)).isTrue();
		}
		assertThat(this.circuit.refusedCount()).isZero();
	}

	@Test
	void aWaitingRequestIsRefusedOnceTheCircuitOpens() throws Exception {
		try (Connection held = this.pool.getConnection()) {
			CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(this::connection);
			Thread.sleep(GuardedPool.WAIT_SLICE.toMillis());
			this.circuit.open("probe timed out");
			// Refused at the end of the slice in progress, long before the 5 s wait ends.
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> waiting.get(2, TimeUnit.SECONDS))
				.withCauseInstanceOf(ShardUnavailableException.class)
				.withMessageContaining("ds_7 is unavailable (probe timed out)");
			assertThat(this.circuit.refusedCount()).isEqualTo(1);
		}
	}

	@Test
	void aBusyPoolGivesUpAfterTheAcquireTimeoutWithATransientConnectionFailure() throws Exception {
		this.pool.close();
		HikariConfig config = new HikariConfig();
		config
			.setJdbcUrl("jdbc:h2:mem:guarded_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
		config.setMaximumPoolSize(1);
		this.pool = new GuardedPool(config, Duration.ofMillis(600), this.circuit);
		try (Connection held = this.pool.getConnection()) {
			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(this.pool::getConnection)
				.isNotInstanceOf(ShardUnavailableException.class);
			assertThat(this.circuit.refusedCount()).isZero();
		}
	}

	@Test
	void anOpenCircuitRefusesAtOnceAndAClosedOneServesAgain() throws Exception {
		this.circuit.open("connection refused");
		assertThatExceptionOfType(ShardUnavailableException.class).isThrownBy(this.pool::getConnection);
		assertThatExceptionOfType(ShardUnavailableException.class).isThrownBy(this.pool::getConnection);
		assertThat(this.circuit.refusedCount()).isEqualTo(2);
		this.circuit.close();
		try (Connection connection = this.pool.getConnection()) {
			assertThat(connection.isValid(1)).isTrue();
		}
	}

	@Test
	void theProbeUrlCarriesItsOwnTimeoutsInPlaceOfThePools() {
		assertThat(ShardProber.withTimeouts(
				"jdbc:mysql://h:3306/db?useSSL=false&connectTimeout=3000&socketTimeout=30000&serverTimezone=UTC", 400))
			.isEqualTo("jdbc:mysql://h:3306/db?useSSL=false&serverTimezone=UTC&connectTimeout=400&socketTimeout=400");
		assertThat(ShardProber.withTimeouts("jdbc:mysql://h:3306/db?connectTimeout=3000", 250))
			.isEqualTo("jdbc:mysql://h:3306/db?connectTimeout=250&socketTimeout=250");
		assertThat(ShardProber.withTimeouts("jdbc:mysql://h:3306/db", 250))
			.isEqualTo("jdbc:mysql://h:3306/db?connectTimeout=250&socketTimeout=250");
	}

	private Connection connection() {
		try {
			return this.pool.getConnection();
		}
		catch (java.sql.SQLException ex) {
			throw new java.util.concurrent.CompletionException(ex);
		}
	}

}
