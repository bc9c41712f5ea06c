package com.couponplatform.migrationtool;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

import com.couponplatform.sharding.DatabaseProperties;
import com.couponplatform.sharding.SchemaInstaller;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingLayout;
import com.couponplatform.shared.UserId;

/**
 * Operator commands that need no running service, configured by the same {@code COUPON_*}
 * environment variables as the services:
 * <ul>
 * <li>{@code schema} — creates or upgrades every database and checks N and M;</li>
 * <li>{@code locate <userId>|code:<CODE>} — prints the shard database and table of a
 * key.</li>
 * </ul>
 */
public final class MigrationCli {

	private final Map<String, String> env;

	private final PrintStream out;

	MigrationCli(Map<String, String> env, PrintStream out) {
		this.env = env;
		this.out = out;
	}

	public static void main(String[] args) {
		System.exit(new MigrationCli(System.getenv(), System.out).run(args));
	}

	int run(String... args) {
		if (args.length == 1 && "schema".equals(args[0])) {
			DatabaseProperties database = database();
			new SchemaInstaller(database, layout(), Clock.systemUTC()).install();
			this.out.println("Schema of " + database.getPrefix() + " is current (" + layout() + ")");
			return 0;
		}
		if (args.length == 2 && "locate".equals(args[0])) {
			return locate(args[1]);
		}
		this.out.println("usage: coupon-migration schema | locate <userId> | locate code:<CODE>");
		return 2;
	}

	private int locate(String key) {
		String canonical = key.startsWith("code:") ? key.substring(5) : key;
		if (!key.startsWith("code:") && UserId.parseOrNegative(key) <= 0) {
			this.out.println("not a user ID: " + key);
			return 2;
		}
		ShardLocation location = new ShardRouter(layout()).locate(canonical);
		this.out.println(database().shardDatabase(location.database()) + "." + location.physicalTable("user_coupon"));
		return 0;
	}

	private DatabaseProperties database() {
		DatabaseProperties database = new DatabaseProperties();
		database.setHost(this.env.getOrDefault("COUPON_DB_HOST", database.getHost()));
		database
			.setPort(Integer.parseInt(this.env.getOrDefault("COUPON_DB_PORT", Integer.toString(database.getPort()))));
		database.setUser(this.env.getOrDefault("COUPON_DB_USER", database.getUser()));
		database.setPassword(this.env.getOrDefault("COUPON_DB_PASSWORD", database.getPassword()));
		database.setPrefix(this.env.getOrDefault("COUPON_DB_PREFIX", database.getPrefix()));
		return database;
	}

	private ShardingLayout layout() {
		return new ShardingLayout(Integer.parseInt(this.env.getOrDefault("COUPON_SHARDING_DATABASES", "2")),
				Integer.parseInt(this.env.getOrDefault("COUPON_SHARDING_TABLES", "8")));
	}

}
