package com.couponplatform.admin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.couponplatform.migrationtool.MigrationCli;
import com.couponplatform.redemption.LegacyCodeCopies;
import com.couponplatform.migrationtool.worker.MigrationWorkerApplication;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.testsupport.ChildApplication;
import com.couponplatform.testsupport.LegacyMall;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phase machine through the console's API and the CLI, with a real worker beside the
 * console (in this JVM), over a generated legacy mall: every transition among LEGACY …
 * SINGLE_WRITE_OLD forward and back, dry runs, refusals by name, a change of static data
 * after the freeze, a foreign writer behind the gateway, a second console agreeing on the
 * phase, and a worker stopped mid-transition and replaced. Each test leaves the migration
 * in LEGACY.
 */
@RealServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhaseMachineIT {

	static final String PREFIX = TestServices.prefixDroppedAtExit();

	static final LegacyMall MALL = LegacyMall.create(PREFIX);

	static final String ADMIN = AdminIntegrationTest.basic("admin", "admin-it-password");

	static final String VIEWER = AdminIntegrationTest.basic("viewer", "viewer-it-password");

	/** Short windows: the proof's own length is the benchmark's concern. */
	static final String[] SETTINGS = { "coupon.legacy.db.name=" + MALL.name(),
			"coupon.migration.single-writer-window=2s", "coupon.migration.process-lease=2s",
			"coupon.migration.transition-lease=3s", "coupon.admin.password=admin-it-password",
			"coupon.admin.users[0].name=viewer", "coupon.admin.users[0].password={noop}viewer-it-password",
			"coupon.admin.users[0].roles=VIEWER" };

	static final ObjectMapper JSON = new ObjectMapper();

	static ConfigurableApplicationContext worker;

	static long templateId;

	@LocalServerPort
	int port;

	@Autowired
	ShardDataSources shards;

	@Autowired
	LegacyCodeCopies codeCopies;

	@DynamicPropertySource
	static void legacy(DynamicPropertyRegistry registry) {
		TestServices.springProperties(PREFIX).forEach((key, value) -> registry.add(key, () -> value));
		for (String setting : SETTINGS) {
			int equals = setting.indexOf('=');
			registry.add(setting.substring(0, equals), () -> setting.substring(equals + 1));
		}
	}

	@BeforeAll
	static void mallAndWorker() {
		templateId = MALL.onlineTemplate(100, 1);
		MALL.template(2, new BigDecimal("10.00"), new BigDecimal("100.00"), BigDecimal.ZERO, null, 50, 2, 1, 7);
		MALL.sql()
			.sql("INSERT INTO t_coupon_scope (template_id, ref_type, ref_id) VALUES (?, 1, 'SKU-1'), (?, 1, 'SKU-2')")
			.params(templateId, templateId)
			.update();
		MALL.sql().sql("INSERT INTO t_coupon_blacklist_goods (goods_id) VALUES ('SKU-9')").update();
		for (int i = 0; i < 5; i++) {
			MALL.sql()
				.sql("INSERT INTO t_coupon_code (code, tpl_id, batch_no, state) VALUES (?, ?, 'B1', 0)")
				.params("CODE-000" + i, templateId)
				.update();
		}
		MALL.coupon(100001, templateId, 0, 1, Instant.now(), null, null);
		worker = startWorker();
	}

	@AfterAll
	static void stopWorker() {
		if (worker != null) {
			worker.close();
		}
	}

	@AfterEach
	void backToLegacy() throws Exception {
		waitForNoTransition();
		String phase = status().path("phase").asText();
		while (!"LEGACY".equals(phase)) {
			String back = status().path("rollbackTo").path(0).asText();
			assertThat(done(request(back, ADMIN))).isEqualTo("DONE");
			phase = status().path("phase").asText();
		}
	}

	@Test
	void walksForwardAndBackThroughTheStaticPhasesWithTheirPreconditions() throws Exception {
		JsonNode legacy = status();
		assertThat(legacy.path("phase").asText()).isEqualTo("LEGACY");
		long epoch = legacy.path("epoch").asLong();
		assertThat(legacy.path("next").toString()).isEqualTo("[\"STATIC_FROZEN\"]");
		assertThat(legacy.path("rollbackTo").toString()).isEqualTo("[]");
		assertThat(legacy.path("freeze").path("since").isTextual()).isTrue();
		assertThat(legacy.path("freeze").path("until").isNull()).isTrue();
		long transitionsBefore = global().sql("SELECT COUNT(*) FROM migration_transition").query(Long.class).single();

		// A dry run plans and checks, and changes nothing.
		Answer dry = call("POST", "/admin/api/v1/migration/transitions", ADMIN,
				"{\"to\":\"STATIC_FROZEN\",\"from\":\"LEGACY\",\"dryRun\":true}");
		assertThat(dry.status()).isEqualTo(200);
		assertThat(dry.body().path("allowed").asBoolean()).isTrue();
		assertThat(names(dry.body().path("preconditions"))).containsExactly("no-issuance-job-running holds",
				"no-code-batch-running holds");
		assertThat(dry.body().path("plan").size()).isGreaterThanOrEqualTo(3);
		assertThat(status().path("epoch").asLong()).isEqualTo(epoch);
		assertThat(global().sql("SELECT COUNT(*) FROM migration_transition").query(Long.class).single())
			.isEqualTo(transitionsBefore);
		assertThat(global().sql("SELECT COUNT(*) FROM migration_static_checksum").query(Long.class).single()).isZero();

		// Refusals, each with its code; nothing recorded.
		assertThat(call("POST", "/admin/api/v1/migration/transitions", ADMIN, "{\"to\":\"SINGLE_WRITE_OLD\"}").code())
			.isEqualTo("ILLEGAL_TRANSITION");
		assertThat(call("POST", "/admin/api/v1/migration/transitions", ADMIN,
				"{\"to\":\"STATIC_FROZEN\",\"from\":\"STATIC_FROZEN\"}")
			.code()).isEqualTo("VERSION_CONFLICT");
		Answer unknown = call("POST", "/admin/api/v1/migration/transitions", ADMIN, "{\"to\":\"FROZEN\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(call("POST", "/admin/api/v1/migration/transitions", VIEWER, "{\"to\":\"STATIC_FROZEN\"}").status())
			.isEqualTo(403);
		assertThat(call("GET", "/admin/api/v1/migration", VIEWER, null).status()).isEqualTo(200);
		Answer malformed = call("POST", "/admin/api/v1/migration/transitions", ADMIN, "{\"to\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
		for (String[] anonymous : new String[][] { { "GET", "/admin/api/v1/migration" },
				{ "POST", "/admin/api/v1/migration/transitions" }, { "GET", "/admin/api/v1/migration/users/7" } }) {
			Answer refused = call(anonymous[0], anonymous[1], null, "{\"to\":\"STATIC_FROZEN\"}");
			assertThat(refused.status()).as(anonymous[1]).isEqualTo(401);
			assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
		}
		assertThat(global().sql("SELECT COUNT(*) FROM migration_transition").query(Long.class).single())
			.isEqualTo(transitionsBefore);
		assertThat(status().path("epoch").asLong()).isEqualTo(epoch);

		// Reads of one transition and one user: unknown and malformed keys are problems.
		Answer missing = call("GET", "/admin/api/v1/migration/transitions/987654321", VIEWER, null);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(call("GET", "/admin/api/v1/migration/transitions/abc", VIEWER, null).status()).isEqualTo(400);
		assertThat(call("GET", "/admin/api/v1/migration/users/abc", VIEWER, null).code())
			.isEqualTo("VALIDATION_FAILED");
		assertThat(call("GET", "/admin/api/v1/migration/users/0", VIEWER, null).status()).isEqualTo(400);
		JsonNode user = call("GET", "/admin/api/v1/migration/users/100001", VIEWER, null).body();
		assertThat(user.toString()).isEqualTo(
				"{\"userId\":\"100001\",\"side\":\"OLD\",\"migrated\":false,\"readGray\":false,\"writeGray\":false}");

		// LEGACY → STATIC_FROZEN: the checksum of every static row is recorded.
		Answer frozen = request("STATIC_FROZEN", ADMIN);
		assertThat(frozen.status()).isEqualTo(202);
		assertThat(frozen.location()).startsWith("/admin/api/v1/migration/transitions/");
		assertThat(frozen.body().path("status").asText()).isEqualTo("RUNNING");
		JsonNode done = transition(frozen.location(), true);
		assertThat(done.path("status").asText()).isEqualTo("DONE");
		assertThat(names(done.path("preconditions"))).contains("static-checksum-recorded holds");
		JsonNode inFrozen = status();
		assertThat(inFrozen.path("phase").asText()).isEqualTo("STATIC_FROZEN");
		assertThat(inFrozen.path("epoch").asLong()).isEqualTo(epoch + 1);
		assertThat(inFrozen.path("rollbackTo").toString()).isEqualTo("[\"LEGACY\"]");
		// 2 templates, 2 scope rows, 1 blacklisted SKU, 5 codes.
		assertThat(global()
			.sql("SELECT table_name, COUNT(*) FROM migration_static_checksum GROUP BY table_name "
					+ "ORDER BY table_name")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("t_coupon_blacklist_goods=1", "t_coupon_code=5", "t_coupon_scope=2",
					"t_coupon_template=2");
		assertThat(oldFence()).isEqualTo(epoch + 1);
		// Every live process — this console and the worker — acts on the new epoch.
		assertThat(inFrozen.path("processes").size()).isEqualTo(2);
		inFrozen.path("processes")
			.forEach((process) -> assertThat(process.path("epoch").asLong()).isEqualTo(epoch + 1));
		// The back office stays frozen.
		assertThat(call("PUT", "/admin/api/v1/sku-blacklist/SKU-7", ADMIN, "{\"reason\":\"test\"}").code())
			.isEqualTo("MIGRATION_FREEZE");

		// STATIC_FROZEN → SINGLE_WRITE_OLD: static data unchanged, IDs below the floor,
		// nobody but the gateway writing over the window.
		JsonNode single = transition(request("SINGLE_WRITE_OLD", ADMIN).location(), true);
		assertThat(single.path("status").asText()).isEqualTo("DONE");
		assertThat(names(single.path("preconditions"))).containsExactly("static-data-unchanged holds",
				"legacy-ids-below-generator-floor holds", "single-writer-proven holds");
		assertThat(status().path("epoch").asLong()).isEqualTo(epoch + 2);

		// And back: SINGLE_WRITE_OLD → STATIC_FROZEN → LEGACY, the checksum dropped.
		assertThat(done(request("STATIC_FROZEN", ADMIN))).isEqualTo("DONE");
		assertThat(done(request("LEGACY", ADMIN))).isEqualTo("DONE");
		JsonNode back = status();
		assertThat(back.path("phase").asText()).isEqualTo("LEGACY");
		assertThat(back.path("epoch").asLong()).isEqualTo(epoch + 4);
		assertThat(global().sql("SELECT COUNT(*) FROM migration_static_checksum").query(Long.class).single()).isZero();
		List<String> history = new ArrayList<>();
		back.path("history")
			.forEach((entry) -> history.add(entry.path("from").asText() + ">" + entry.path("to").asText() + " by "
					+ entry.path("by").asText()));
		assertThat(history).endsWith("LEGACY>STATIC_FROZEN by admin", "STATIC_FROZEN>SINGLE_WRITE_OLD by admin",
				"SINGLE_WRITE_OLD>STATIC_FROZEN by admin", "STATIC_FROZEN>LEGACY by admin");
		assertThat(back.path("transition").path("status").asText()).isEqualTo("DONE");
	}

	@Test
	void copiesTheStaticDataIntoNewAndTheRollbackRemovesIt() throws Exception {
		toSingleWriteOld();
		JsonNode copied = transition(request("STATIC_COPIED", ADMIN).location(), true);
		assertThat(copied.path("status").asText()).as(copied.toString()).isEqualTo("DONE");
		assertThat(names(copied.path("preconditions"))).containsExactly("static-data-unchanged holds",
				"no-template-id-collision holds", "static-copy-equal holds", "static-copy-held-back holds",
				"issued-from-rows holds");
		// One coupon row of the first template, which the generator's taken_count (0)
		// does
		// not count: the copy's issued count is the rows', and the drift is reported.
		assertThat(precondition(copied.path("preconditions"), "issued-from-rows").path("detail").asText())
			.contains(templateId + " (taken_count=0 rows=1)");
		JsonNode status = status();
		assertThat(status.path("phase").asText()).isEqualTo("STATIC_COPIED");
		assertThat(status.path("staticCopy").toString())
			.isEqualTo("{\"templates\":{\"old\":2,\"new\":2,\"equal\":true},"
					+ "\"scopes\":{\"old\":2,\"new\":2,\"equal\":true},\"blacklist\":{\"old\":1,\"new\":1,\"equal\":true},"
					+ "\"codes\":{\"old\":5,\"new\":5,\"equal\":true}}");
		assertThat(newCopies()).isEqualTo(new Copies(2, 1, 1, 5, 5));
		assertThat(global().sql("SELECT issued FROM coupon_template WHERE id = ?")
			.param(templateId)
			.query(Long.class)
			.single()).isEqualTo(1);

		// STATIC_COPIED → SINGLE_WRITE_OLD removes NEW's copy, and nothing else.
		assertThat(done(request("SINGLE_WRITE_OLD", ADMIN))).isEqualTo("DONE");
		assertThat(newCopies()).isEqualTo(new Copies(0, 0, 0, 0, 0));
		assertThat(status().has("staticCopy")).isFalse();
	}

	@Test
	void aWorkerKilledMidCopyIsReplacedAndTheCopyEndsEqual() throws Exception {
		toSingleWriteOld();
		worker.close();
		worker = null;
		ChildApplication dying = ChildApplication.startWithoutPort(MigrationCli.class, "worker-to-kill",
				"Paused at fault point static-copy-templates-written",
				childWorker("--coupon.migration.pause-at=static-copy-templates-written"));
		try {
			Answer requested = request("STATIC_COPIED", ADMIN);
			assertThat(dying.awaitMarker(120)).isTrue();
			// Templates written, codes not yet: the state a SIGKILL leaves here.
			assertThat(newCopies().templates()).isEqualTo(2);
			assertThat(newCopies().batches()).isZero();
			dying.kill();

			worker = startWorker();
			JsonNode done = transition(requested.location(), true);
			assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("DONE");
			assertThat(precondition(done.path("preconditions"), "static-copy-equal").path("holds").asBoolean())
				.isTrue();
			assertThat(newCopies()).isEqualTo(new Copies(2, 1, 1, 5, 5));
		}
		finally {
			dying.kill();
			if (worker == null) {
				worker = startWorker();
			}
		}
	}

	@Test
	void verificationRunsAreRefusedWithoutACopyAndTheirInputIsChecked() {
		Answer early = call("POST", "/admin/api/v1/migration/verifications", ADMIN, "{}");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.code()).isEqualTo("MIGRATION_PRECONDITION_FAILED");
		assertThat(call("POST", "/admin/api/v1/migration/verifications", ADMIN, "{\"fromUserId\":\"abc\"}").code())
			.isEqualTo("VALIDATION_FAILED");
		assertThat(call("POST", "/admin/api/v1/migration/verifications", ADMIN,
				"{\"fromUserId\":\"9\",\"toUserId\":\"3\"}")
			.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(call("POST", "/admin/api/v1/migration/verifications", VIEWER, "{}").status()).isEqualTo(403);
		assertThat(call("POST", "/admin/api/v1/migration/verifications", null, "{}").status()).isEqualTo(401);
		Answer unknown = call("GET", "/admin/api/v1/migration/verifications/987654321", VIEWER, null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(global().sql("SELECT COUNT(*) FROM migration_verification").query(Long.class).single()).isZero();
		JsonNode status = status();
		assertThat(status.path("backfill").toString())
			.isEqualTo("{\"status\":\"IDLE\",\"usersTotal\":0,\"usersMigrated\":0,\"rowsCopied\":0,\"perSecond\":0}");
		assertThat(status.path("verification").toString()).isEqualTo("{\"lastId\":null,\"cleanRunsInARow\":0}");
		assertThat(status.path("replication").path("toNew").toString()).isEqualTo("{\"pending\":0,\"lagMillis\":0}");
	}

	@Test
	void aChangeOfStaticDataAfterTheFreezeIsFoundAndNamed() throws Exception {
		assertThat(done(request("STATIC_FROZEN", ADMIN))).isEqualTo("DONE");
		String title = MALL.sql()
			.sql("SELECT title FROM t_coupon_template WHERE id = ?")
			.param(templateId)
			.query(String.class)
			.single();
		MALL.sql().sql("UPDATE t_coupon_template SET title = 'Renamed' WHERE id = ?").param(templateId).update();
		MALL.sql()
			.sql("INSERT INTO t_coupon_code (code, tpl_id, batch_no, state) VALUES ('LATE-1', ?, 'B2', 0)")
			.param(templateId)
			.update();
		try {
			Answer dry = call("POST", "/admin/api/v1/migration/transitions", ADMIN,
					"{\"to\":\"SINGLE_WRITE_OLD\",\"dryRun\":true}");
			assertThat(dry.body().path("allowed").asBoolean()).isFalse();

			Answer refused = request("SINGLE_WRITE_OLD", ADMIN);
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.code()).isEqualTo("MIGRATION_PRECONDITION_FAILED");
			JsonNode unchanged = precondition(refused.body().path("preconditions"), "static-data-unchanged");
			assertThat(unchanged.path("holds").asBoolean()).isFalse();
			assertThat(unchanged.path("detail").asText()).contains("t_coupon_template " + templateId + " changed",
					"t_coupon_code LATE-1 added");
			assertThat(status().path("phase").asText()).isEqualTo("STATIC_FROZEN");
		}
		finally {
			MALL.sql().sql("DELETE FROM t_coupon_code WHERE code = 'LATE-1'").update();
			MALL.sql().sql("UPDATE t_coupon_template SET title = ? WHERE id = ?").params(title, templateId).update();
		}
	}

	@Test
	void aForeignWriterFailsTheSingleWriterProofAndTheFenceStaysAtThePhase() throws Exception {
		assertThat(done(request("STATIC_FROZEN", ADMIN))).isEqualTo("DONE");
		long epoch = status().path("epoch").asLong();
		Answer requested = request("SINGLE_WRITE_OLD", ADMIN);
		awaitDetail(requested.location(), "doing the transition's work");
		// The worker's first read of OLD is taken; a write behind the gateway follows.
		Thread.sleep(500);
		long foreign = MALL.coupon(100002, templateId, 0, 1, Instant.now(), null, null);

		JsonNode failed = transition(requested.location(), true);
		assertThat(failed.path("status").asText()).isEqualTo("FAILED");
		JsonNode proof = precondition(failed.path("preconditions"), "single-writer-proven");
		assertThat(proof.path("holds").asBoolean()).isFalse();
		assertThat(proof.path("detail").asText()).contains("t_user_coupon " + foreign + " added");
		assertThat(failed.path("detail").asText()).contains("single-writer-proven");
		JsonNode after = status();
		assertThat(after.path("phase").asText()).isEqualTo("STATIC_FROZEN");
		assertThat(after.path("epoch").asLong()).isEqualTo(epoch);
		assertThat(oldFence()).isEqualTo(epoch);
		MALL.sql().sql("DELETE FROM t_user_coupon WHERE id = ?").param(foreign).update();
	}

	@Test
	void theCliDrivesTheSameUseCases() throws Exception {
		Cli dry = cli("transition", "STATIC_FROZEN", "--dry-run");
		assertThat(dry.status).isZero();
		assertThat(dry.output).contains("allowed: LEGACY → STATIC_FROZEN", "holds no-issuance-job-running");
		assertThat(status().path("phase").asText()).isEqualTo("LEGACY");

		Cli skipped = cli("transition", "STATIC_COPIED");
		assertThat(skipped.status).isEqualTo(2);
		assertThat(skipped.output).contains("ILLEGAL_TRANSITION");
		assertThat(cli("transition", "NOWHERE").status).isEqualTo(2);

		Cli frozen = cli("transition", "STATIC_FROZEN");
		assertThat(frozen.status).isZero();
		assertThat(frozen.output).contains("DONE");
		Cli json = cli("status", "--json");
		assertThat(json.status).isZero();
		JsonNode status = JSON.readTree(json.output);
		assertThat(status.path("phase").asText()).isEqualTo("STATIC_FROZEN");
		assertThat(status.path("history").path(status.path("history").size() - 1).path("by").asText()).isEqualTo("cli");

		Cli single = cli("transition", "SINGLE_WRITE_OLD", "--json");
		assertThat(single.status).isZero();
		assertThat(JSON.readTree(single.output).path("status").asText()).isEqualTo("DONE");
		Cli copied = cli("transition", "STATIC_COPIED");
		assertThat(copied.status).as(copied.output).isZero();
		assertThat(copied.output).contains("holds static-copy-equal");
		assertThat(cli("transition", "SINGLE_WRITE_OLD").status).isZero();
		assertThat(newCopies().templates()).isZero();
		assertThat(cli("transition", "STATIC_FROZEN").status).isZero();
		assertThat(cli("transition", "LEGACY").status).isZero();
		assertThat(status().path("phase").asText()).isEqualTo("LEGACY");
	}

	@Test
	void aSecondConsoleAgreesAndAWorkerStoppedMidTransitionIsReplaced() throws Exception {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(CouponAdminApplication.class)
			.run(arguments("--server.port=0"))) {
			int otherPort = other.getEnvironment().getProperty("local.server.port", Integer.class);
			assertThat(done(request("STATIC_FROZEN", ADMIN))).isEqualTo("DONE");
			JsonNode here = status();
			JsonNode there = new TestHttp(otherPort).call("GET", "/admin/api/v1/migration", ADMIN, null).body();
			assertThat(there.path("phase").asText()).isEqualTo(here.path("phase").asText());
			assertThat(there.path("epoch").asLong()).isEqualTo(here.path("epoch").asLong());
			// Two consoles and the worker, all at the new epoch.
			assertThat(here.path("processes").size()).isEqualTo(3);
			here.path("processes")
				.forEach(
						(process) -> assertThat(process.path("epoch").asLong()).isEqualTo(here.path("epoch").asLong()));

			// The worker stops in the middle of the single-writer window; another takes
			// the
			// transition over once the lease expires, and runs it to its end.
			Answer requested = request("SINGLE_WRITE_OLD", ADMIN);
			awaitDetail(requested.location(), "doing the transition's work");
			worker.close();
			assertThat(transition(requested.location(), false).path("status").asText()).isEqualTo("RUNNING");
			worker = startWorker();
			JsonNode done = transition(requested.location(), true);
			assertThat(done.path("status").asText()).isEqualTo("DONE");
			assertThat(names(done.path("preconditions"))).contains("single-writer-proven holds");
			assertThat(new TestHttp(otherPort).call("GET", "/admin/api/v1/migration", ADMIN, null)
				.body()
				.path("phase")
				.asText()).isEqualTo("SINGLE_WRITE_OLD");
		}
	}

	private void toSingleWriteOld() throws Exception {
		assertThat(done(request("STATIC_FROZEN", ADMIN))).isEqualTo("DONE");
		assertThat(done(request("SINGLE_WRITE_OLD", ADMIN))).isEqualTo("DONE");
	}

	/** What NEW holds of the static copy. */
	private Copies newCopies() {
		JdbcClient global = global();
		long templates = global
			.sql("SELECT COUNT(*) FROM coupon_template t JOIN migration_template_legacy m " + "ON m.template_id = t.id")
			.query(Long.class)
			.single();
		List<Long> batches = global.sql("SELECT id FROM code_batch WHERE source = 'IMPORTED'").query(Long.class).list();
		long blacklisted = global.sql("SELECT COUNT(*) FROM sku_super_blacklist WHERE created_by = 'legacy-migration'")
			.query(Long.class)
			.single();
		long codes = this.codeCopies.codes(batches).size();
		long typed = global.sql("SELECT COUNT(*) FROM migration_code_legacy").query(Long.class).single();
		return new Copies(templates, batches.size(), blacklisted, codes, typed);
	}

	private static ConfigurableApplicationContext startWorker() {
		return MigrationWorkerApplication.start(arguments());
	}

	/** {@code migrate.sh worker}'s arguments for a worker in a child JVM. */
	private static List<String> childWorker(String... extra) {
		List<String> args = new ArrayList<>(List.of("worker"));
		args.addAll(List.of(arguments(extra)));
		return args;
	}

	private static String[] arguments(String... extra) {
		List<String> args = new ArrayList<>();
		TestServices.springProperties(PREFIX).forEach((key, value) -> args.add("--" + key + "=" + value));
		for (String setting : SETTINGS) {
			args.add("--" + setting);
		}
		args.addAll(List.of(extra));
		return args.toArray(String[]::new);
	}

	private Cli cli(String... args) throws Exception {
		Map<String, String> env = new HashMap<>(Map.of("COUPON_DB_HOST", TestServices.dbHost(), "COUPON_DB_PORT",
				Integer.toString(TestServices.dbPort()), "COUPON_DB_USER", TestServices.dbUser(), "COUPON_DB_PREFIX",
				PREFIX, "COUPON_LEGACY_DB_NAME", MALL.name(), "COUPON_MIGRATION_SINGLE_WRITER_WINDOW", "2s",
				"COUPON_MIGRATION_POLL", "100ms"));
		env.put("COUPON_DB_PASSWORD", TestServices.dbPassword());
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status = MigrationCli.run(env, new PrintStream(output, true, StandardCharsets.UTF_8), args);
		return new Cli(status, output.toString(StandardCharsets.UTF_8));
	}

	private Answer request(String to, String authorization) {
		return call("POST", "/admin/api/v1/migration/transitions", authorization, "{\"to\":\"" + to + "\"}");
	}

	/** Waits for a requested transition's end. */
	private String done(Answer requested) throws Exception {
		assertThat(requested.status()).as(requested.body().toString()).isEqualTo(202);
		return transition(requested.location(), true).path("status").asText();
	}

	private JsonNode transition(String location, boolean untilEnded) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		JsonNode transition = call("GET", location, ADMIN, null).body();
		while (untilEnded && "RUNNING".equals(transition.path("status").asText()) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			transition = call("GET", location, ADMIN, null).body();
		}
		return transition;
	}

	private void awaitDetail(String location, String detail) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!detail.equals(transition(location, false).path("detail").asText()) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(transition(location, false).path("detail").asText()).isEqualTo(detail);
	}

	private void waitForNoTransition() throws Exception {
		JsonNode last = status().path("transition");
		if (!last.isNull() && "RUNNING".equals(last.path("status").asText())) {
			transition("/admin/api/v1/migration/transitions/" + last.path("id").asText(), true);
		}
	}

	private JsonNode status() {
		Answer answer = call("GET", "/admin/api/v1/migration", ADMIN, null);
		assertThat(answer.status()).isEqualTo(200);
		return answer.body();
	}

	private long oldFence() {
		return MALL.sql().sql("SELECT epoch FROM t_coupon_migration_epoch WHERE id = 1").query(Long.class).single();
	}

	private JdbcClient global() {
		return JdbcClient.create(this.shards.all().get(ShardDataSources.GLOBAL));
	}

	private Answer call(String method, String path, String authorization, String body) {
		return new TestHttp(this.port).call(method, path, authorization, body);
	}

	private static List<String> names(JsonNode preconditions) {
		List<String> names = new ArrayList<>();
		preconditions.forEach((check) -> names
			.add(check.path("name").asText() + (check.path("holds").asBoolean() ? " holds" : " fails")));
		return names;
	}

	private static JsonNode precondition(JsonNode preconditions, String name) {
		for (JsonNode check : preconditions) {
			if (name.equals(check.path("name").asText())) {
				return check;
			}
		}
		throw new AssertionError("no precondition " + name + " in " + preconditions);
	}

	private record Cli(int status, String output) {
	}

	private record Copies(long templates, long batches, long blacklisted, long codes, long codesAsTyped) {
	}

}
