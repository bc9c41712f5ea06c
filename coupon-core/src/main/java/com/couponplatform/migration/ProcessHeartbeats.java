package com.couponplatform.migration;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live processes of the platform and the epoch each acts on
 * ({@code migration_process}, decision 3). Heartbeats and their lease are measured by the
 * global database's clock, so the processes' clocks need not agree.
 */
public final class ProcessHeartbeats {

	private final JdbcClient sql;

	private final String processId;

	private final String kind;

	/**
	 * @param global the global database
	 * @param processId this process, unique among the live ones
	 * @param kind what it is (coupon-api, coupon-admin, coupon-migration)
	 */
	public ProcessHeartbeats(DataSource global, String processId, String kind) {
		this.sql = JdbcClient.create(global);
		this.processId = processId;
		this.kind = kind;
	}

	/**
	 * Acknowledges an epoch: this process acts on it from now on.
	 * @param epoch the epoch's number
	 */
	void beat(long epoch) {
		this.sql
			.sql("INSERT INTO migration_process (process_id, kind, epoch, started_at, heartbeat_at) "
					+ "VALUES (?, ?, ?, NOW(3), NOW(3)) ON DUPLICATE KEY UPDATE epoch = VALUES(epoch), "
					+ "heartbeat_at = NOW(3)")
			.params(this.processId, this.kind, epoch)
			.update();
	}

	/** A process stopping cleanly is waited for no longer. */
	void leave() {
		this.sql.sql("DELETE FROM migration_process WHERE process_id = ?").param(this.processId).update();
	}

	/**
	 * The live processes that have not acknowledged an epoch yet.
	 * @param global the global database
	 * @param epoch the epoch
	 * @param lease how long a silent process counts as live
	 * @return each such process, as {@code kind process-id (epoch N)}
	 */
	public static List<String> behind(DataSource global, long epoch, Duration lease) {
		return JdbcClient.create(global)
			.sql("SELECT kind, process_id, epoch FROM migration_process WHERE epoch < ? "
					+ "AND heartbeat_at > NOW(3) - INTERVAL ? MICROSECOND ORDER BY process_id")
			.params(epoch, lease.toNanos() / 1000)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " (epoch " + rs.getLong(3) + ")")
			.list();
	}

	/**
	 * Forgets processes silent for long: a process killed leaves its row behind, and
	 * every deploy would add more.
	 * @param global the global database
	 * @param silentFor how long a process must have been silent
	 * @return how many rows were removed
	 */
	public static int prune(DataSource global, Duration silentFor) {
		return JdbcClient.create(global)
			.sql("DELETE FROM migration_process WHERE heartbeat_at < NOW(3) - INTERVAL ? MICROSECOND")
			.param(silentFor.toNanos() / 1000)
			.update();
	}

	/**
	 * The live processes and their epochs, for the console.
	 * @param global the global database
	 * @param lease how long a silent process counts as live
	 * @return every live process
	 */
	public static List<Live> live(DataSource global, Duration lease) {
		return JdbcClient.create(global)
			.sql("SELECT process_id, kind, epoch FROM migration_process "
					+ "WHERE heartbeat_at > NOW(3) - INTERVAL ? MICROSECOND ORDER BY process_id")
			.param(lease.toNanos() / 1000)
			.query((rs, n) -> new Live(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/**
	 * A live process.
	 *
	 * @param processId its ID
	 * @param kind what it is
	 * @param epoch the epoch it acknowledged last
	 */
	public record Live(String processId, String kind, long epoch) {
	}

}
