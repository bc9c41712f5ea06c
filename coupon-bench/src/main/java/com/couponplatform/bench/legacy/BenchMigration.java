package com.couponplatform.bench.legacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.couponplatform.migration.Phase;
import com.couponplatform.phasemachine.PhaseMachine;
import com.couponplatform.phasemachine.Transition;
import com.couponplatform.phasemachine.TransitionStatus;
import com.couponplatform.sharding.DatabaseProperties;

/**
 * What the migration's benchmarks share: a worker started and waited for, transitions
 * driven to DONE, the platform's databases from the environment, and the baseline of a
 * client-side multi-row insert of rows NEW holds into empty twins of their tables.
 */
public final class BenchMigration {

	/** Rows per statement of the baseline's inserts. */
	static final int ROWS_PER_INSERT = 1000;

	private BenchMigration() {
	}

	public static void awaitWorker(PhaseMachine.Cli machine, Process worker, String log) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		// The worker's start records the migration (phase LEGACY), then it heartbeats.
		while (machine.reads().read().processes() == null || machine.reads()
			.read()
			.processes()
			.stream()
			.noneMatch((process) -> "coupon-migration".equals(process.kind()))) {
			if (!worker.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("the worker did not start: " + log);
			}
			Thread.sleep(500);
		}
	}

	public static Transition transition(PhaseMachine.Cli machine, Phase to) throws InterruptedException {
		Transition transition = machine.requests().request(to, null, "bench");
		while (true) {
			Transition now = machine.requests().read(transition.id());
			if (now.status() == TransitionStatus.DONE) {
				return now;
			}
			if (now.status() == TransitionStatus.FAILED) {
				throw new IllegalStateException(
						"transition to " + to + " failed: " + now.detail() + " " + now.preconditions());
			}
			Thread.sleep(100);
		}
	}

	/**
	 * @return the seconds the inserts took (reading the rows not counted)
	 */
	public static double twin(DatabaseProperties database, String url, Map<String, String> tables,
			Map<String, Long> perTable) throws SQLException {
		double seconds = 0;
		try (Connection connection = connect(database, url); Statement statement = connection.createStatement()) {
			for (Map.Entry<String, String> table : tables.entrySet()) {
				String twin = "bench_twin_" + table.getKey();
				statement.execute("DROP TABLE IF EXISTS " + twin);
				statement.execute("CREATE TABLE " + twin + " LIKE " + table.getKey());
				// Generated columns are the server's to compute: neither read nor
				// written.
				List<String> names = new ArrayList<>();
				try (ResultSet described = statement.executeQuery("SELECT COLUMN_NAME FROM information_schema.COLUMNS "
						+ "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table.getKey()
						+ "' AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION")) {
					while (described.next()) {
						names.add(described.getString(1));
					}
				}
				String list = String.join(", ", names);
				List<Object[]> rows = new ArrayList<>();
				int columns;
				try (ResultSet read = statement
					.executeQuery("SELECT " + list + " FROM " + table.getKey() + " WHERE " + table.getValue())) {
					columns = read.getMetaData().getColumnCount();
					while (read.next()) {
						Object[] row = new Object[columns];
						for (int column = 0; column < columns; column++) {
							row[column] = read.getObject(column + 1);
						}
						rows.add(row);
					}
				}
				long start = System.nanoTime();
				String marks = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
				for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
					List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
					try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + twin + " (" + list
							+ ") VALUES " + String.join(", ", Collections.nCopies(chunk.size(), marks)))) {
						int parameter = 1;
						for (Object[] row : chunk) {
							for (Object value : row) {
								insert.setObject(parameter++, value);
							}
						}
						insert.executeUpdate();
					}
				}
				seconds += (System.nanoTime() - start) / 1e9;
				statement.execute("DROP TABLE " + twin);
				perTable.merge(table.getKey().startsWith("redemption_code_") ? "redemption_code" : table.getKey(),
						(long) rows.size(), Long::sum);
			}
		}
		return seconds;
	}

	public static DatabaseProperties database(String prefix) {
		DatabaseProperties database = new DatabaseProperties();
		database.setHost(env("COUPON_DB_HOST", "127.0.0.1"));
		database.setPort(Integer.parseInt(env("COUPON_DB_PORT", "3306")));
		database.setUser(env("COUPON_DB_USER", "root"));
		database.setPassword(env("COUPON_DB_PASSWORD", ""));
		database.setPrefix(prefix);
		return database;
	}

	public static Connection connect(DatabaseProperties database, String url) throws SQLException {
		return DriverManager.getConnection(url, database.getUser(), database.getPassword());
	}

	public static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? otherwise : value;
	}

}
