package com.couponplatform.health;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.couponplatform.sharding.ShardDataSources;

/**
 * Probes every physical database once per health request (results shared for a second),
 * so that each shard's indicator can tell "this shard is down" from "every shard is
 * down".
 */
final class ShardProbe {

	private static final long REUSE_NANOS = 1_000_000_000L;

	private final ShardDataSources dataSources;

	private Map<String, String> lastFailures = Map.of();

	private long lastProbe;

	private boolean probed;

	ShardProbe(ShardDataSources dataSources) {
		this.dataSources = dataSources;
	}

	/**
	 * The failure of each unreachable database in the last probe.
	 * @return database name to error message; empty when all are reachable
	 */
	synchronized Map<String, String> failures() {
		long now = System.nanoTime();
		if (!this.probed || now - this.lastProbe > REUSE_NANOS) {
			Map<String, String> failures = new LinkedHashMap<>();
			this.dataSources.all().forEach((name, dataSource) -> {
				String failure = probe(dataSource);
				if (failure != null) {
					failures.put(name, failure);
				}
			});
			this.lastFailures = failures;
			this.lastProbe = now;
			this.probed = true;
		}
		return this.lastFailures;
	}

	int shardCount() {
		return this.dataSources.shards().size();
	}

	private static String probe(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(1) ? null : "connection not valid";
		}
		catch (Exception ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

}
