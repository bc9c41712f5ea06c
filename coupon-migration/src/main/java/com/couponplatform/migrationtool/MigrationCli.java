package com.couponplatform.migrationtool;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.MigrationProperties;
import com.couponplatform.migration.MigrationState;
import com.couponplatform.migrationtool.worker.MigrationWorkerApplication;
import com.couponplatform.phasemachine.PhaseMachine;
import com.couponplatform.migrationtool.legacy.GeneratorSettings;
import com.couponplatform.migrationtool.legacy.LegacyCommands;
import com.couponplatform.sharding.DatabaseProperties;
import com.couponplatform.sharding.SchemaInstaller;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingLayout;
import com.couponplatform.replication.Verifications;
import com.couponplatform.shared.UserId;

/**
 * Operator commands that need no running service, configured by the same {@code COUPON_*}
 * environment variables as the services:
 * <ul>
 * <li>{@code schema} — creates or upgrades every database and checks N and M;</li>
 * <li>{@code check} — every database server configured answers (exit 1 when one does
 * not); writes nothing;</li>
 * <li>{@code abandon} — ends a migration still in phase LEGACY (it has moved nothing), so
 * that processes without a legacy database may start again;</li>
 * <li>{@code demo-reset} — drops the databases of a demo platform (a
 * {@code COUPON_DB_PREFIX} ending in {@code _demo}), whatever phase its migration
 * reached, so that {@code run.sh --legacy-demo} starts over;</li>
 * <li>{@code status [--json]} — the migration's phase, last transition, freeze and live
 * processes;</li>
 * <li>{@code transition PHASE [--dry-run] [--json]} — records a transition for the worker
 * and waits until it is DONE (exit 0) or FAILED (exit 2); a dry run prints the plan and
 * the preconditions and changes nothing;</li>
 * <li>{@code verify [--from-user N] [--to-user N] [--json]} — records a verification run
 * for the worker, waits for it and prints its report (exit 0 clean, 1 differences found
 * or the run failed, 2 refused);</li>
 * <li>{@code worker} — runs the migration worker until it is stopped;</li>
 * <li>{@code locate <userId>|code:<CODE>} — prints the shard database and table of a
 * key;</li>
 * <li>{@code legacy-schema --database NAME} — creates the legacy mall tables in an empty
 * database (tests and benchmarks);</li>
 * <li>{@code legacy-demo --database NAME} — rebuilds a small legacy database to try the
 * platform on (its name ends in {@code _legacy_mall});</li>
 * <li>{@code legacy-generate --database NAME --users N --templates N --coupons N --codes N
 * --seed S [--now INSTANT]} — fills them reproducibly with every quirk of LEGACY.md and
 * prints the count of each.</li>
 * </ul>
 * Exit status: 0 done, 2 refused (bad usage or input), 1 error.
 */
public final class MigrationCli {

	/** The longest a statement of the CLI on OLD may run. */
	private static final int OLD_TRANSACTION_SECONDS = 30;

	private final Map<String, String> env;

	private final PrintStream out;

	MigrationCli(Map<String, String> env, PrintStream out) {
		this.env = env;
		this.out = out;
	}

	public static void main(String[] args) {
		System.exit(run(System.getenv(), System.out, args));
	}

	/**
	 * Runs one command with the environment given (tests choose theirs).
	 * @param env the {@code COUPON_*} variables
	 * @param out where the command prints
	 * @param args the verb and its options
	 * @return the exit status
	 */
	public static int run(Map<String, String> env, PrintStream out, String... args) {
		return new MigrationCli(env, out).run(args);
	}

	int run(String... args) {
		if (args.length == 1 && "schema".equals(args[0])) {
			DatabaseProperties database = database();
			new SchemaInstaller(database, layout(), Clock.systemUTC()).install();
			this.out.println("Schema of " + database.getPrefix() + " is current (" + layout() + ")");
			return 0;
		}
		if (args.length == 1 && "check".equals(args[0])) {
			DatabaseProperties legacy = this.env.containsKey("COUPON_LEGACY_DB_NAME") ? legacyServer() : null;
			return new ServerCheck(database(), layout(), legacy, this.out).run();
		}
		if (args.length == 1 && "abandon".equals(args[0])) {
			return abandon();
		}
		if (args.length == 1 && "demo-reset".equals(args[0])) {
			return demoReset();
		}
		if (args.length > 0 && "worker".equals(args[0])) {
			MigrationWorkerApplication.runUntilStopped(Arrays.copyOfRange(args, 1, args.length));
			return 0;
		}
		if (args.length > 0 && ("status".equals(args[0]) || "transition".equals(args[0]) || "verify".equals(args[0]))) {
			return phases(args);
		}
		if (args.length == 2 && "locate".equals(args[0])) {
			return locate(args[1]);
		}
		if (args.length > 0 && args[0].startsWith("legacy-")) {
			return legacy(args[0], Arrays.copyOfRange(args, 1, args.length));
		}
		this.out.println("usage: coupon-migration schema | check | abandon | demo-reset | status [--json]"
				+ " | transition PHASE [--dry-run] [--json] | verify [--from-user N] [--to-user N] [--json] | worker"
				+ " | locate <userId> | locate code:<CODE>"
				+ " | legacy-schema --database NAME | legacy-demo --database NAME | legacy-generate --database NAME --users N --templates N"
				+ " --coupons N --codes N --seed S [--now INSTANT]");
		return 2;
	}

	private int legacy(String verb, String[] args) {
		LegacyCommands commands = new LegacyCommands(legacyServer(), this.out, Clock.systemUTC());
		try {
			if ("legacy-schema".equals(verb)) {
				commands.createSchema(CommandOptions.parse(args, Set.of("database")).required("database"));
				return 0;
			}
			if ("legacy-demo".equals(verb)) {
				CommandOptions options = CommandOptions.parse(args, Set.of("database"));
				commands.demo(options.required("database"), Instant.now().truncatedTo(ChronoUnit.SECONDS),
						LegacyCommands.zone(this.env.get("COUPON_LEGACY_TIME_ZONE")));
				return 0;
			}
			if ("legacy-generate".equals(verb)) {
				CommandOptions options = CommandOptions.parse(args,
						Set.of("database", "users", "templates", "coupons", "codes", "seed", "now"));
				GeneratorSettings settings = new GeneratorSettings(options.count("users"), options.count("templates"),
						options.count("coupons"), options.count("codes"), options.longValue("seed"),
						Instant
							.parse(options.optional("now", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())),
						LegacyCommands.zone(this.env.get("COUPON_LEGACY_TIME_ZONE")));
				commands.generate(options.required("database"), settings);
				return 0;
			}
			this.out.println("unknown command " + verb);
			return 2;
		}
		catch (IllegalArgumentException | DateTimeParseException | IllegalStateException ex) {
			this.out.println("refused: " + ex.getMessage());
			return 2;
		}
		catch (SQLException ex) {
			this.out.println("error: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Ends a migration still in phase LEGACY, so that processes without a legacy database
	 * may start again; refused once it has moved past LEGACY (roll back first).
	 */
	private int abandon() {
		MigrationState state = new MigrationState(global());
		Optional<MigrationState.Stored> stored = state.read();
		if (stored.isEmpty()) {
			this.out.println("No migration is underway (phase NONE)");
			return 0;
		}
		if (!state.abandonInLegacy()) {
			this.out.println("refused: the migration from '" + stored.get().legacyDatabase() + "' is in phase "
					+ stored.get().phase() + "; only one still in LEGACY, which has moved nothing, can be abandoned");
			return 2;
		}
		this.out.println("Abandoned the migration from '" + stored.get().legacyDatabase()
				+ "' (phase LEGACY): the platform serves from NEW alone once its processes restart without "
				+ "COUPON_LEGACY_DB_NAME (stop every process configured with it first)");
		return 0;
	}

	/**
	 * Drops a demo platform's databases, refused for any other prefix: the demo rebuilds
	 * its legacy mall at every start, and its platform starts over with it.
	 */
	private int demoReset() {
		DatabaseProperties database = database();
		if (!database.getPrefix().endsWith("_demo")) {
			this.out.println("refused: COUPON_DB_PREFIX " + database.getPrefix()
					+ " is not a demo platform's (it ends in _demo); nothing dropped");
			return 2;
		}
		Map<String, String> databases = new LinkedHashMap<>();
		databases.put(database.globalDatabase(), database.globalServer());
		for (int index = 0; index < layout().databases(); index++) {
			databases.put(database.shardDatabase(index), database.shardServer(index));
		}
		for (Map.Entry<String, String> each : databases.entrySet()) {
			try (Connection connection = DriverManager.getConnection(database.jdbcUrl(each.getValue(), ""),
					database.getUser(), database.getPassword()); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS `" + each.getKey() + "`");
			}
			catch (SQLException ex) {
				this.out.println("error: cannot drop " + each.getKey() + ": " + ex.getMessage());
				return 1;
			}
		}
		this.out.println("Dropped the demo platform's databases " + databases.keySet());
		return 0;
	}

	private int phases(String[] args) {
		List<String> words = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
		boolean json = words.remove("--json");
		boolean dryRun = words.remove("--dry-run");
		boolean status = "status".equals(args[0]);
		boolean verify = "verify".equals(args[0]);
		Long fromUser = null;
		Long toUser = null;
		try {
			fromUser = option(words, "--from-user");
			toUser = option(words, "--to-user");
		}
		catch (IllegalArgumentException ex) {
			this.out.println("refused: " + ex.getMessage());
			return 2;
		}
		if (((status || verify) && (!words.isEmpty() || dryRun)) || (!status && !verify && words.size() != 1)
				|| (!verify && (fromUser != null || toUser != null))) {
			this.out.println("usage: coupon-migration status [--json] | transition PHASE [--dry-run] [--json]"
					+ " | verify [--from-user N] [--to-user N] [--json]");
			return 2;
		}
		MigrationProperties properties = bind("coupon.migration", MigrationProperties.class);
		DatabaseProperties legacy = legacyServer();
		String legacyName = this.env.get("COUPON_LEGACY_DB_NAME");
		OldDatabase old = (legacyName == null || legacyName.isBlank()) ? null
				: new OldDatabase(
						new DriverManagerDataSource(legacy.jdbcUrl(legacyName), legacy.getUser(), legacy.getPassword()),
						OLD_TRANSACTION_SECONDS);
		if (old == null && !status) {
			this.out.println("refused: a transition is checked against the legacy database: set COUPON_LEGACY_DB_NAME "
					+ "(and its COUPON_LEGACY_DB_* server) like the services'");
			return 2;
		}
		DriverManagerDataSource global = global();
		PhaseCommands commands = new PhaseCommands(PhaseMachine.cli(global, old, properties, Clock.systemUTC()),
				new Verifications(global), this.out, json, properties.getPoll());
		try {
			if (verify) {
				return commands.verify(fromUser, toUser);
			}
			return status ? commands.status() : commands.transition(words.get(0), dryRun);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.out.println("interrupted: the work goes on in the worker; see status");
			return 1;
		}
	}

	/** Takes {@code name N} out of the words, N a positive user ID. */
	private static Long option(List<String> words, String name) {
		int at = words.indexOf(name);
		if (at < 0) {
			return null;
		}
		if (at + 1 >= words.size()) {
			throw new IllegalArgumentException(name + " needs a user ID");
		}
		String value = words.remove(at + 1);
		words.remove(at);
		try {
			long id = Long.parseLong(value);
			if (id <= 0) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a positive user ID, not '" + value + "'");
		}
	}

	/** The global database, without a pool: a command holds one connection at a time. */
	private DriverManagerDataSource global() {
		DatabaseProperties database = database();
		return new DriverManagerDataSource(database.jdbcUrl(database.globalServer(), database.globalDatabase()),
				database.getUser(), database.getPassword());
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

	/**
	 * The installation's servers as the services read them: {@code COUPON_DB_*} bound by
	 * Spring's own rules, so the global database's and each shard's own servers count
	 * too.
	 */
	private DatabaseProperties database() {
		return bind("coupon.db", DatabaseProperties.class);
	}

	private <T> T bind(String prefix, Class<T> type) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(this.env)));
		return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate(prefix, type);
	}

	/**
	 * The legacy database's server: {@code COUPON_LEGACY_DB_*}, each defaulting to its
	 * {@code COUPON_DB_*}.
	 */
	private DatabaseProperties legacyServer() {
		return server("COUPON_LEGACY_DB_", database());
	}

	private DatabaseProperties server(String prefix, DatabaseProperties defaults) {
		DatabaseProperties database = new DatabaseProperties();
		database.setHost(this.env.getOrDefault(prefix + "HOST", defaults.getHost()));
		database
			.setPort(Integer.parseInt(this.env.getOrDefault(prefix + "PORT", Integer.toString(defaults.getPort()))));
		database.setUser(this.env.getOrDefault(prefix + "USER", defaults.getUser()));
		database.setPassword(this.env.getOrDefault(prefix + "PASSWORD", defaults.getPassword()));
		database.setPrefix(this.env.getOrDefault("COUPON_DB_PREFIX", defaults.getPrefix()));
		return database;
	}

	private ShardingLayout layout() {
		return new ShardingLayout(Integer.parseInt(this.env.getOrDefault("COUPON_SHARDING_DATABASES", "2")),
				Integer.parseInt(this.env.getOrDefault("COUPON_SHARDING_TABLES", "8")));
	}

}
