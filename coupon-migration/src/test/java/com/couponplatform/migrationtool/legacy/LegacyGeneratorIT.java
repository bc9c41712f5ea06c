package com.couponplatform.migrationtool.legacy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.couponplatform.legacy.CodeMapping;
import com.couponplatform.legacy.CouponMapping;
import com.couponplatform.legacy.DataIssue;
import com.couponplatform.legacy.LegacyCode;
import com.couponplatform.legacy.LegacyCodeBatch;
import com.couponplatform.legacy.LegacyCoupon;
import com.couponplatform.legacy.LegacyRowMappers;
import com.couponplatform.legacy.LegacySchema;
import com.couponplatform.legacy.LegacyScopeRef;
import com.couponplatform.legacy.LegacyTemplate;
import com.couponplatform.legacy.LegacyTime;
import com.couponplatform.legacy.LegacyUseLog;
import com.couponplatform.legacy.Mapping;
import com.couponplatform.legacy.MigratedTemplate;
import com.couponplatform.legacy.TemplateMapping;
import com.couponplatform.legacy.UseLogMapping;
import com.couponplatform.migrationtool.MigrationCli;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code legacy-schema} and {@code legacy-generate} against real MariaDB at the CI size:
 * reproducible to the checksum, every quirk present and counted exactly as the rows hold
 * it, and every row of the result read back through the mapping.
 */
@RealServices
class LegacyGeneratorIT {

	private static final List<String> TABLES = List.of("t_coupon_template", "t_coupon_scope",
			"t_coupon_blacklist_goods", "t_user_coupon", "t_coupon_code", "t_coupon_use_log");

	private static final String NOW = "2026-12-01T00:00:00Z";

	private final String prefix = TestServices.uniquePrefix();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@AfterEach
	void drop() {
		TestServices.dropDatabases(this.prefix);
	}

	@Test
	void sameSeedAndNowGiveIdenticalTablesAndAnotherSeedOtherRows() throws Exception {
		generate("a", 7);
		generate("b", 7);
		generate("c", 8);

		assertThat(checksums("b")).isEqualTo(checksums("a"));
		assertThat(checksums("c").get("t_user_coupon")).isNotEqualTo(checksums("a").get("t_user_coupon"));
	}

	@Test
	void everyQuirkIsPresentAndCountedAsTheRowsHoldIt() throws Exception {
		QuirkCounts counts = new LegacyCommands(TestServices.database(this.prefix), print(), Clock.systemUTC())
			.generate(create("q"), settings(7));
		JdbcTemplate jdbc = jdbc("q");

		for (String quirk : List.of("templates.rateWithCap", "templates.rateWithoutCap", "templates.badRate",
				"templates.deletedWithCoupons", "templates.perUserLimitZero", "templates.takenCountDrift",
				"templates.activeWindowOpenAtNow", "coupons.nullExpireTime", "coupons.overLimitHoldings",
				"coupons.liveOfDeletedTemplate", "codes.mixedCase", "codes.withDashes",
				"codes.normalisingAlikePairs")) {
			assertThat(counts.get(quirk)).as(quirk).isPositive();
		}
		for (int state = 0; state <= 4; state++) {
			assertThat(counts.get("coupons.state" + state))
				.isEqualTo(count(jdbc, "SELECT COUNT(*) FROM t_user_coupon WHERE state = " + state));
		}
		for (int action = 1; action <= 4; action++) {
			assertThat(counts.get("useLog.action" + action)).isPositive()
				.isEqualTo(count(jdbc, "SELECT COUNT(*) FROM t_coupon_use_log WHERE action = " + action));
		}
		assertThat(count(jdbc, "SELECT COUNT(*) FROM t_user_coupon")).isEqualTo(5000);
		assertThat(count(jdbc, "SELECT COUNT(DISTINCT uid) FROM t_user_coupon")).isEqualTo(200);
		assertThat(count(jdbc, "SELECT COUNT(*) FROM t_coupon_template")).isEqualTo(50);
		assertThat(count(jdbc, "SELECT COUNT(*) FROM t_coupon_code")).isEqualTo(300);
		assertThat(counts.get("coupons.nullExpireTime")).isEqualTo(count(jdbc,
				"SELECT COUNT(*) FROM t_user_coupon WHERE expire_time IS NULL AND get_time < '2019-01-01'"));
		assertThat(count(jdbc, "SELECT COUNT(*) FROM t_user_coupon WHERE expire_time IS NULL"))
			.isEqualTo(counts.get("coupons.nullExpireTime"));
		assertThat(counts.get("coupons.overLimitHoldings")).isEqualTo(count(jdbc,
				"SELECT COUNT(*) FROM (SELECT c.uid FROM t_user_coupon c JOIN t_coupon_template t ON t.id = c.tpl_id "
						+ "WHERE c.get_type = 1 AND t.per_user_limit > 0 GROUP BY c.uid, c.tpl_id, t.per_user_limit "
						+ "HAVING COUNT(*) > t.per_user_limit) o"));
		assertThat(counts.get("templates.takenCountDrift"))
			.isEqualTo(count(jdbc, "SELECT COUNT(*) FROM t_coupon_template t WHERE t.taken_count <> "
					+ "(SELECT COUNT(*) FROM t_user_coupon c WHERE c.tpl_id = t.id)"));
		assertThat(count(jdbc, "SELECT COUNT(*) FROM t_coupon_template WHERE coupon_kind = 3 "
				+ "AND (discount_rate = 0 OR discount_rate = 10.0)"))
			.isEqualTo(1);
		assertThat(counts.get("codes.normalisingAlikePairs"))
			.isEqualTo(count(jdbc, "SELECT COUNT(*) FROM (SELECT REPLACE(UPPER(code), '-', '') FROM t_coupon_code "
					+ "GROUP BY REPLACE(UPPER(code), '-', '') HAVING COUNT(*) > 1) d"));
		// Every exchanged code is the code of exactly one get_type-3 coupon of its user,
		// and back.
		assertThat(count(jdbc,
				"SELECT COUNT(*) FROM t_coupon_code k JOIN t_user_coupon c ON BINARY c.code = "
						+ "BINARY k.code AND c.uid = k.uid AND c.get_type = 3 WHERE k.state = 1"))
			.isEqualTo(counts.get("codes.state1"))
			.isEqualTo(count(jdbc, "SELECT COUNT(*) FROM t_user_coupon WHERE get_type = 3"));
		// A frozen coupon has its freeze row and order; a used one its use row.
		assertThat(count(jdbc,
				"SELECT COUNT(*) FROM t_user_coupon c WHERE c.state = 1 AND (c.order_no IS NULL OR "
						+ "NOT EXISTS (SELECT 1 FROM t_coupon_use_log l WHERE l.user_coupon_id = c.id AND l.action = 1 "
						+ "AND l.order_no = c.order_no))"))
			.isZero();
		assertThat(count(jdbc, "SELECT COUNT(*) FROM t_user_coupon c WHERE c.state = 2 AND (c.use_time IS NULL OR "
				+ "NOT EXISTS (SELECT 1 FROM t_coupon_use_log l WHERE l.user_coupon_id = c.id AND l.action = 2))"))
			.isZero();
	}

	@Test
	void everyGeneratedRowMapsToTheNewModelAndBackToItsCanonicalRowButTheBadRates() throws Exception {
		new LegacyCommands(TestServices.database(this.prefix), print(), Clock.systemUTC()).generate(create("m"),
				settings(11));
		JdbcTemplate jdbc = jdbc("m");
		LegacyTime time = new LegacyTime(LegacyTime.DEFAULT_ZONE);
		TemplateMapping templates = new TemplateMapping(time);
		CouponMapping coupons = new CouponMapping(time);
		Map<Long, List<LegacyScopeRef>> scopes = jdbc.query("SELECT * FROM t_coupon_scope", LegacyRowMappers.SCOPE)
			.stream()
			.collect(Collectors.groupingBy(LegacyScopeRef::templateId));
		Map<Long, Mapping<MigratedTemplate>> mapped = new HashMap<>();
		for (LegacyTemplate row : jdbc.query("SELECT * FROM t_coupon_template", LegacyRowMappers.TEMPLATE)) {
			Mapping<MigratedTemplate> template = templates.toNew(row, scopes.getOrDefault(row.id(), List.of()),
					count(jdbc, "SELECT COUNT(*) FROM t_user_coupon WHERE tpl_id = " + row.id()));
			mapped.put(row.id(), template);
			if (template instanceof Mapping.Mapped<MigratedTemplate> ok) {
				assertThat(templates.toLegacy(ok.value()).canonical()).isEqualTo(row.canonical());
			}
		}
		assertThat(mapped.values().stream().filter(Mapping.Unmappable.class::isInstance)).singleElement()
			.satisfies((bad) -> assertThat(bad.issues()).extracting(DataIssue::kind)
				.contains(DataIssue.Kind.BAD_DISCOUNT_RATE));

		int held = 0;
		for (LegacyCoupon row : jdbc.query("SELECT * FROM t_user_coupon", LegacyRowMappers.COUPON)) {
			Mapping<com.couponplatform.legacy.MigratedCoupon> coupon = coupons.toNew(row, mapped.get(row.tplId()));
			if (coupon instanceof Mapping.Unmappable) {
				assertThat(coupon.issues()).extracting(DataIssue::kind).contains(DataIssue.Kind.TEMPLATE_NOT_MAPPED);
				held++;
			}
			else {
				assertThat(coupons.toLegacy(coupon.orElseThrow()).canonical()).isEqualTo(row.canonical());
			}
		}
		assertThat(held).isEqualTo(count(jdbc, "SELECT COUNT(*) FROM t_user_coupon c JOIN t_coupon_template t ON "
				+ "t.id = c.tpl_id WHERE t.coupon_kind = 3 AND (t.discount_rate = 0 OR t.discount_rate = 10.0)"));

		CodeMapping codes = new CodeMapping(time);
		for (LegacyCode row : jdbc.query("SELECT * FROM t_coupon_code", LegacyRowMappers.CODE)) {
			assertThat(
					codes.toLegacy(codes.toNew(row, 1).orElseThrow(), new LegacyCodeBatch(row.batchNo(), row.tplId()))
						.canonical())
				.isEqualTo(row.canonical());
		}
		UseLogMapping useLogs = new UseLogMapping(time);
		for (LegacyUseLog row : jdbc.query("SELECT * FROM t_coupon_use_log", LegacyRowMappers.USE_LOG)) {
			assertThat(useLogs.toLegacy(useLogs.toNew(row).orElseThrow()).canonical()).isEqualTo(row.canonical());
		}
	}

	@Test
	void platformTablesAreAddedBesideTheLegacyOnesWithoutAlteringThem() throws Exception {
		String database = create("p");
		JdbcTemplate jdbc = jdbc("p");
		String columnsBefore = legacyColumns(jdbc);

		try (Connection connection = connect(database)) {
			LegacySchema.installPlatformTables(connection, Clock.systemUTC());
			LegacySchema.installPlatformTables(connection, Clock.systemUTC());
		}

		assertThat(legacyColumns(jdbc)).isEqualTo(columnsBefore);
		assertThat(jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
						+ "AND table_name NOT IN ('" + String.join("', '", TABLES) + "') ORDER BY table_name",
				String.class))
			.containsExactly("t_coupon_migration_claim_request", "t_coupon_migration_epoch",
					"t_coupon_migration_journal", "t_coupon_migration_order", "t_coupon_migration_outbox",
					"t_coupon_migration_redemption_request", "t_coupon_migration_schema_history",
					"t_coupon_migration_user", "t_coupon_migration_user_lock");
		assertThat(count(jdbc, "SELECT COUNT(*) FROM t_coupon_migration_schema_history")).isEqualTo(4);
	}

	@Test
	void legacySchemaRefusesADatabaseThatHasTables() throws Exception {
		create("r");

		int status = MigrationCli.run(env(), print(), "legacy-schema", "--database", this.prefix + "_r");

		assertThat(status).isEqualTo(2);
		assertThat(printed()).contains("is not empty: 6 tables");
	}

	private void generate(String suffix, long seed) {
		String database = this.prefix + "_" + suffix;
		assertThat(MigrationCli.run(env(), print(), "legacy-schema", "--database", database)).isZero();
		assertThat(MigrationCli.run(env(), print(), "legacy-generate", "--database", database, "--users", "200",
				"--templates", "50", "--coupons", "5000", "--codes", "300", "--seed", Long.toString(seed), "--now",
				NOW))
			.as(printed())
			.isZero();
	}

	private String create(String suffix) throws SQLException {
		String database = this.prefix + "_" + suffix;
		new LegacyCommands(TestServices.database(this.prefix), print(), Clock.systemUTC()).createSchema(database);
		return database;
	}

	private static GeneratorSettings settings(long seed) {
		return new GeneratorSettings(200, 50, 5000, 300, seed, Instant.parse(NOW), LegacyTime.DEFAULT_ZONE);
	}

	private Map<String, Long> checksums(String suffix) {
		JdbcTemplate jdbc = jdbc(suffix);
		Map<String, Long> sums = new HashMap<>();
		for (String table : TABLES) {
			sums.put(table, jdbc.queryForObject("CHECKSUM TABLE " + table, (rs, n) -> rs.getLong(2)));
		}
		return sums;
	}

	private static String legacyColumns(JdbcTemplate jdbc) {
		return String.join("\n", jdbc.queryForList("SELECT CONCAT_WS(' ', table_name, column_name, column_type, "
				+ "is_nullable, IFNULL(column_key, '')) FROM information_schema.columns WHERE table_schema = DATABASE() "
				+ "AND table_name NOT LIKE 't\\_coupon\\_migration\\_%' ORDER BY table_name, ordinal_position",
				String.class));
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private JdbcTemplate jdbc(String suffix) {
		return new JdbcTemplate(
				new DriverManagerDataSource(TestServices.database(this.prefix).jdbcUrl(this.prefix + "_" + suffix),
						TestServices.dbUser(), TestServices.dbPassword()));
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(TestServices.database(this.prefix).jdbcUrl(database), TestServices.dbUser(),
				TestServices.dbPassword());
	}

	private Map<String, String> env() {
		return Map.of("COUPON_DB_HOST", TestServices.dbHost(), "COUPON_DB_PORT",
				Integer.toString(TestServices.dbPort()), "COUPON_DB_USER", TestServices.dbUser(), "COUPON_DB_PASSWORD",
				TestServices.dbPassword());
	}

	private PrintStream print() {
		return new PrintStream(this.output, true, StandardCharsets.UTF_8);
	}

	private String printed() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
