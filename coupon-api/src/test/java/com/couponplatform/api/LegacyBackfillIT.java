package com.couponplatform.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.couponplatform.migration.MigrationFaults;
import com.couponplatform.migration.Phase;
import com.couponplatform.migrationtool.MigrationCli;
import com.couponplatform.migrationtool.legacy.GeneratorSettings;
import com.couponplatform.migrationtool.legacy.LegacyDataGenerator;
import com.couponplatform.phasemachine.ReadMigration;
import com.couponplatform.phasemachine.RequestTransition;
import com.couponplatform.replication.Backfill;
import com.couponplatform.replication.Difference;
import com.couponplatform.replication.Verifications;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.testsupport.ChildApplication;
import com.couponplatform.testsupport.LegacyMall;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BACKFILL and VERIFIED over generated legacy data at MIGRATION.md's CI size (200 users,
 * 5,000 coupons, 300 codes, every quirk) while a writer claims through coupon-api: the
 * worker is SIGKILLed at the backfill's three fault points — mid-user, after a
 * checkpoint, between the copy and its completion — and replaced; afterwards a
 * verification run, requested while the writer still writes, is clean, every acknowledged
 * claim is in NEW once, and VERIFIED is entered after two clean runs. Then four seeded
 * faults in NEW — a missing, an extra, a changed and a misplaced row — are reported with
 * exactly their keys.
 */
@RealServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyBackfillIT {

	/**
	 * A migration of its own: the other legacy tests share one in phase LEGACY, which
	 * this test walks forward.
	 */
	static final String PREFIX = TestServices.prefixDroppedAtExit();

	static final LegacyMall MALL = LegacyMall.create(PREFIX);

	@LocalServerPort
	int port;

	private static final String[] SETTINGS = { "coupon.migration.single-writer-window=1s",
			"coupon.migration.process-lease=2s", "coupon.migration.transition-lease=3s",
			"coupon.migration.verify.recheck-delay=2s", "coupon.migration.backfill.batch-size=20",
			"coupon.migration.backfill.rows-per-second=4000" };

	private static ConfigurableApplicationContext worker;

	private static long claimable;

	@Autowired
	RequestTransition requests;

	@Autowired
	ReadMigration reads;

	@Autowired
	Verifications verifications;

	@Autowired
	ShardDataSources pools;

	@Autowired
	ShardRouter router;

	@DynamicPropertySource
	static void windows(DynamicPropertyRegistry registry) {
		MigrationDrive.register(registry, PREFIX, MALL.name(), SETTINGS);
	}

	@BeforeAll
	static void generatedMallAndWorker() {
		new LegacyDataGenerator(new GeneratorSettings(200, 12, 5_000, 300, 17, Instant.now(), LegacyMall.ZONE))
			.generate(new JdbcTemplate(MALL.dataSource()));
		claimable = MALL.onlineTemplate(10_000, 100);
		worker = MigrationDrive.startWorker(PREFIX, MALL.name(), SETTINGS);
	}

	@AfterAll
	static void stopWorker() {
		if (worker != null) {
			worker.close();
		}
	}

	@Test
	@Order(1)
	void aBackfillKilledAtEachFaultPointUnderLiveClaimsEndsCompleteVerifiedAndWithEveryClaimOnce() throws Exception {
		drive().walkTo(Phase.DUAL_WRITE);
		List<Long> users = MALL.sql()
			.sql("SELECT DISTINCT uid FROM t_user_coupon ORDER BY uid")
			.query(Long.class)
			.list();
		Writer writer = new Writer(users);
		Thread writing = new Thread(writer, "backfill-it-writer");
		writing.start();
		try {
			worker.close();
			worker = null;
			ChildApplication dying = child(MigrationFaults.BACKFILL_MID_USER);
			this.requests.request(Phase.BACKFILL, Phase.DUAL_WRITE, "it");
			for (String point : List.of(MigrationFaults.BACKFILL_AFTER_CHECKPOINT, MigrationFaults.BACKFILL_COPIED)) {
				assertThat(dying.awaitMarker(120)).as("paused before " + point).isTrue();
				dying.kill();
				dying = child(point);
			}
			assertThat(dying.awaitMarker(120)).isTrue();
			assertThat(Backfill.progress(global()).status()).isEqualTo(Backfill.Status.RUNNING);
			dying.kill();
			worker = MigrationDrive.startWorker(PREFIX, MALL.name(), SETTINGS);
			MigrationDrive.until(() -> this.reads.read().phase() == Phase.BACKFILL
					&& Backfill.progress(global()).status() == Backfill.Status.COMPLETE);
			Backfill.Progress done = Backfill.progress(global());
			assertThat(done.usersTotal()).isEqualTo(users.size());
			assertThat(done.usersMigrated()).as("every user, some twice after a kill")
				.isGreaterThanOrEqualTo(users.size());

			// Under the live writer: no confirmed difference.
			Verifications.Report live = verify();
			assertThat(live.differences()).isEmpty();
			assertThat(live.clean()).isTrue();
			assertThat(live.usersCompared()).isGreaterThanOrEqualTo(users.size());
		}
		finally {
			writer.stop.set(true);
			writing.join();
		}
		assertThat(writer.failures.get()).isZero();
		assertThat(writer.acknowledged).hasSizeGreaterThan(20);
		drive().awaitDrained();
		for (long coupon : writer.acknowledged.keySet()) {
			assertThat(copiesOf("user_coupon", coupon)).as("coupon " + coupon).isEqualTo(1);
		}
		assertThat(MALL.sql()
			.sql("SELECT COUNT(*) FROM t_user_coupon WHERE tpl_id = ?")
			.param(claimable)
			.query(Long.class)
			.single()).isEqualTo(writer.acknowledged.size());

		Verifications.Report second = verify();
		assertThat(second.clean()).as(second.toString()).isTrue();
		assertThat(this.reads.read().verification().cleanRunsInARow()).isEqualTo(2);
		drive().walkTo(Phase.VERIFIED);
	}

	@Test
	@Order(2)
	void theVerifierReportsExactlyTheFourSeededFaults() {
		// Four coupons of four users, each in NEW now.
		List<long[]> coupons = MALL.sql()
			.sql("SELECT MIN(id), uid FROM t_user_coupon WHERE tpl_id = ? GROUP BY uid ORDER BY uid LIMIT 4")
			.param(claimable)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		assertThat(coupons).hasSize(4);
		long missing = coupons.get(0)[0];
		ShardLocation missingAt = this.router.locateUser(coupons.get(0)[1]);
		shard(missingAt).sql("DELETE FROM " + missingAt.physicalTable("user_coupon") + " WHERE id = ?")
			.param(missing)
			.update();
		long changed = coupons.get(1)[0];
		ShardLocation changedAt = this.router.locateUser(coupons.get(1)[1]);
		shard(changedAt)
			.sql("UPDATE " + changedAt.physicalTable("user_coupon") + " SET status = 'REVOKED' WHERE id = ?")
			.param(changed)
			.update();
		long extra = 9_000_000_000_000_001L;
		long extraUser = coupons.get(2)[1];
		ShardLocation extraAt = this.router.locateUser(extraUser);
		shard(extraAt).sql("INSERT INTO " + extraAt.physicalTable("user_coupon")
				+ " (id, user_id, template_id, status, type, "
				+ "discount_amount, valid_from, valid_until, claimed_at, origin, origin_ref, version, updated_at) "
				+ "SELECT ?, user_id, template_id, status, type, discount_amount, valid_from, valid_until, claimed_at, "
				+ "'ISSUANCE', 'seeded', version, updated_at FROM " + extraAt.physicalTable("user_coupon")
				+ " WHERE id = ?")
			.params(extra, coupons.get(2)[0])
			.update();
		long misplaced = coupons.get(3)[0];
		ShardLocation home = this.router.locateUser(coupons.get(3)[1]);
		ShardLocation elsewhere = this.router.layout()
			.locations()
			.stream()
			.filter((location) -> !location.equals(home))
			.findFirst()
			.orElseThrow();
		Map<String, Object> row = shard(home)
			.sql("SELECT * FROM " + home.physicalTable("user_coupon") + " WHERE id = ?")
			.param(misplaced)
			.query()
			.singleRow();
		List<String> columns = new ArrayList<>(row.keySet());
		columns.remove("origin_template");
		shard(elsewhere)
			.sql("INSERT INTO " + elsewhere.physicalTable("user_coupon") + " (" + String.join(", ", columns)
					+ ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")
			.params(columns.stream().map(row::get).toList())
			.update();
		shard(home).sql("DELETE FROM " + home.physicalTable("user_coupon") + " WHERE id = ?").param(misplaced).update();

		Verifications.Report report = verify();
		assertThat(report.status()).isEqualTo(Verifications.Status.DONE);
		assertThat(report.differences()).containsExactlyInAnyOrder(
				new Difference(Difference.Kind.MISSING, "t_user_coupon", Long.toString(missing), coupons.get(0)[1]),
				new Difference(Difference.Kind.MISMATCHED, "t_user_coupon", Long.toString(changed), coupons.get(1)[1]),
				new Difference(Difference.Kind.EXTRA, "t_user_coupon", Long.toString(extra), extraUser), new Difference(
						Difference.Kind.MISPLACED, "t_user_coupon", Long.toString(misplaced), coupons.get(3)[1]));
		assertThat(List.of(report.missing(), report.extra(), report.mismatched(), report.misplaced()))
			.containsExactly(1L, 1L, 1L, 1L);
		assertThat(report.clean()).isFalse();
	}

	private Verifications.Report verify() {
		Verifications.Report requested = this.verifications.request(this.reads.read().phase(), null, null, "it");
		MigrationDrive.until(() -> this.verifications.read(requested.id()).status() != Verifications.Status.RUNNING);
		return this.verifications.read(requested.id());
	}

	private long copiesOf(String table, long id) {
		long copies = 0;
		for (ShardLocation location : this.router.layout().locations()) {
			copies += shard(location).sql("SELECT COUNT(*) FROM " + location.physicalTable(table) + " WHERE id = ?")
				.param(id)
				.query(Long.class)
				.single();
		}
		return copies;
	}

	private JdbcClient shard(ShardLocation location) {
		return JdbcClient.create(this.pools.shard(location.database()));
	}

	private JdbcClient global() {
		return JdbcClient.create(this.pools.all().get(ShardDataSources.GLOBAL));
	}

	private Answer post(String path, String token, String body) {
		return MigrationDrive.post(this.port, path, token, body);
	}

	private static String claimBody(long templateId, String requestId) {
		return LegacyApiIntegrationTest.claimBody(templateId, requestId);
	}

	private MigrationDrive drive() {
		return new MigrationDrive(this.requests, this.reads);
	}

	private static ChildApplication child(String pauseAt) throws Exception {
		List<String> args = new ArrayList<>(List.of("worker"));
		args.addAll(MigrationDrive.workerArguments(PREFIX, MALL.name(), SETTINGS));
		args.add("--coupon.migration.pause-at=" + pauseAt);
		return ChildApplication.startWithoutPort(MigrationCli.class, "worker-" + pauseAt,
				"Paused at fault point " + pauseAt, args);
	}

	/**
	 * Claims through coupon-api for the generated users, about twenty a second, and keeps
	 * the ledger of every acknowledged claim.
	 */
	private final class Writer implements Runnable {

		private final List<Long> users;

		private final AtomicBoolean stop = new AtomicBoolean();

		private final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();

		private final AtomicInteger failures = new AtomicInteger();

		private final Set<Integer> refused = Collections.synchronizedSet(new TreeSet<>());

		Writer(List<Long> users) {
			this.users = users;
		}

		@Override
		public void run() {
			int i = 0;
			while (!this.stop.get()) {
				long user = this.users.get((i * 37) % this.users.size());
				Answer claimed = post("/api/v1/claims", TestTokens.user(user), claimBody(claimable, "bf-" + i));
				if (claimed.status() == 201) {
					this.acknowledged.put(claimed.body().path("couponId").asLong(), user);
				}
				else if (claimed.status() == 503) {
					// A transition's epoch change: refused, never applied; the client
					// retries.
					this.refused.add(claimed.status());
				}
				else {
					this.failures.incrementAndGet();
				}
				i++;
				MigrationDrive.sleep(50);
			}
		}

	}

}
