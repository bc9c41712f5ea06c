package com.couponplatform.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.couponplatform.checkout.CouponExpirer;
import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.gateway.GatewayFaultPoint;
import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.migration.Epoch;
import com.couponplatform.migration.MigrationEpochs;
import com.couponplatform.migration.Phase;
import com.couponplatform.migration.Side;
import com.couponplatform.shared.RetryLaterException;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's per-user fence on the real shards: a write decided under an epoch that a
 * cutover overtook is refused and decided again (a claim and an order lock over HTTP, an
 * issuance batch); one decided for the side the user has left is answered 503 with
 * {@code Retry-After} and leaves nothing behind (a batch: nothing of its database); the
 * expiry job leaves the coupons of users on the other side; in phase NONE no fence is
 * consulted. The process's epoch is a test bean here (the phase machine that stores it
 * comes later); the fence rows are real rows of {@code migration_user_side}, written as a
 * cutover would.
 */
@Import(GatewayFenceIT.FenceTestBeans.class)
class GatewayFenceIT extends ApiIntegrationTest {

	private static final Epoch FIVE = new Epoch(Phase.NEW_PRIMARY, 5);

	private static final Epoch SIX = new Epoch(Phase.NEW_PRIMARY, 6);

	@Autowired
	MovableEpochs epochs;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	CouponGateway gateway;

	@Autowired
	IdGenerator ids;

	@Autowired
	CouponExpirer expirer;

	@AfterEach
	void backToNone() {
		this.epochs.reset();
	}

	@Test
	void aClaimDecidedBeforeACutoverIsRefusedAndDecidedAgainUnderTheNewEpoch() throws SQLException {
		long userId = 91_001;
		CouponTemplate template = activeTemplate(10, 1);
		this.epochs.start(FIVE);
		setFence(userId, Side.NEW, 5);
		this.epochs.cutOverWhenDecided(userId, SIX, () -> setFence(userId, Side.NEW, 6));

		Answer claimed = post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), "fence-1"));

		assertThat(claimed.status()).isEqualTo(201);
		assertThat(this.epochs.decisions(userId)).containsExactly(5L, 6L);
		assertThat(couponRows(template.id())).isEqualTo(1);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(1);
		// The replay is answered from the one row.
		Answer replay = post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), "fence-1"));
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body()).isEqualTo(claimed.body());
		assertThat(couponRows(template.id())).isEqualTo(1);
	}

	@Test
	void aClaimForTheSideTheUserLeftIs503WithRetryAfterAndLeavesNothing() throws SQLException {
		long userId = 91_002;
		CouponTemplate template = activeTemplate(10, 1);
		this.epochs.start(FIVE);
		// The user was moved to OLD under epoch 6; this process still decides NEW for
		// every user of NEW_PRIMARY, before and after it refreshes.
		setFence(userId, Side.OLD, 6);

		Answer refused = post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), "fence-2"));

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.code()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(refused.retryAfter()).isEqualTo("1");
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(this.epochs.decisions(userId)).containsExactly(5L, 5L);
		assertThat(couponRows(template.id())).isZero();
		assertThat(this.catalog.getFresh(template.id()).issued()).isZero();

		// Once the user is back on NEW the same request issues, exactly once.
		setFence(userId, Side.NEW, 7);
		this.epochs.start(new Epoch(Phase.NEW_PRIMARY, 7));
		Answer retried = post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), "fence-2"));
		assertThat(retried.status()).isEqualTo(201);
		assertThat(couponRows(template.id())).isEqualTo(1);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(1);
	}

	@Test
	void anOrderLockDecidedBeforeACutoverIsDecidedAgainAndLocksOnce() throws SQLException {
		long userId = 91_003;
		CouponTemplate template = activeTemplate(10, 1);
		Answer claimed = post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), "fence-3"));
		assertThat(claimed.status()).isEqualTo(201);
		String couponId = claimed.body().path("couponId").asText();
		this.epochs.start(FIVE);
		this.epochs.cutOverWhenDecided(userId, SIX, () -> setFence(userId, Side.NEW, 6));

		Answer locked = post("/api/v1/orders/order-fence-3/coupon-lock", TestTokens.service(),
				"{\"couponId\":\"" + couponId + "\",\"orderAmount\":1000,\"userId\":\"" + userId + "\"}");

		assertThat(locked.status()).isEqualTo(200);
		assertThat(locked.body().path("status").asText()).isEqualTo("LOCKED");
		assertThat(this.epochs.decisions(userId)).containsExactly(5L, 6L);
		assertThat(rowsByStatus(template.id())).containsExactly(Map.entry("LOCKED", 1));
		assertThat(tables().sumOf("coupon_order", "SELECT COUNT(*) FROM %s WHERE user_id = ?", userId)).isEqualTo(1);
	}

	@Test
	void phaseNoneReadsNoFence() throws SQLException {
		long userId = 91_004;
		CouponTemplate template = activeTemplate(10, 1);
		// A fence row that would refuse every NEW write, were it read.
		setFence(userId, Side.OLD, 99);

		Answer claimed = post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), "fence-4"));

		assertThat(claimed.status()).isEqualTo(201);
		assertThat(this.epochs.decisions(userId)).containsExactly(0L);
		assertThat(couponRows(template.id())).isEqualTo(1);
	}

	@Test
	void anIssuanceBatchIsWrittenWholeOnceTheRetryIsDecidedUnderTheNewEpoch() {
		CouponTemplate template = activeTemplate(10, 1);
		long[] users = twoUsersOfOneTable(91_100);
		this.epochs.start(FIVE);
		this.epochs.cutOverWhenDecided(users[0], SIX, () -> setFence(users[0], Side.NEW, 6));

		assertThat(this.gateway.issue(issued(template, users, "fence-job-1"))).isEqualTo(2);

		assertThat(this.epochs.decisions(users[0])).containsExactly(5L, 6L);
		assertThat(couponRows(template.id())).isEqualTo(2);
		// The same batch again writes nothing twice.
		assertThat(this.gateway.issue(issued(template, users, "fence-job-1"))).isZero();
		assertThat(couponRows(template.id())).isEqualTo(2);
	}

	@Test
	void anIssuanceBatchWithAUserOnTheOtherSideIsRefusedWhole() {
		CouponTemplate template = activeTemplate(10, 1);
		long[] users = twoUsersOfOneTable(91_200);
		this.epochs.start(FIVE);
		setFence(users[1], Side.OLD, 5);

		assertThatThrownBy(() -> this.gateway.issue(issued(template, users, "fence-job-2")))
			.isInstanceOf(RetryLaterException.class);

		assertThat(couponRows(template.id())).isZero();
	}

	@Test
	void theExpiryJobLeavesTheCouponsOfUsersOnTheOtherSide() {
		CouponTemplate template = activeTemplate(10, 1);
		long[] users = twoUsersOfOneTable(91_300);
		Instant past = Instant.now().minus(Duration.ofDays(2));
		List<UserCoupon> pastDue = issued(template, users, "fence-job-3").stream()
			.map((coupon) -> new UserCoupon(coupon.id(), coupon.userId(), coupon.templateId(), coupon.status(),
					coupon.rule(), past, past.plus(Duration.ofDays(1)), past, coupon.origin(), coupon.originRef()))
			.toList();
		assertThat(this.gateway.issue(pastDue)).isEqualTo(2);
		this.epochs.start(FIVE);
		setFence(users[0], Side.OLD, 5);
		try {
			this.expirer.expire();

			assertThat(rowsByStatus(template.id())).isEqualTo(Map.of("UNUSED", 1, "EXPIRED", 1));
			assertThat(statusOf(users[0], template.id())).isEqualTo("UNUSED");
			assertThat(statusOf(users[1], template.id())).isEqualTo("EXPIRED");
		}
		finally {
			// Not left past due for another test's count: the user's own side expires it.
			deleteCoupons(users[0], template.id());
		}
	}

	/** Two users from {@code from} on whose coupons live in the same physical table. */
	private long[] twoUsersOfOneTable(long from) {
		ShardRouter router = new ShardRouter(this.sharding.layout());
		ShardLocation first = router.locateUser(from);
		long second = from + 1;
		while (!router.locateUser(second).equals(first)) {
			second++;
		}
		return new long[] { from, second };
	}

	private List<UserCoupon> issued(CouponTemplate template, long[] users, String jobRef) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<UserCoupon> coupons = new ArrayList<>();
		for (long userId : users) {
			coupons.add(new UserCoupon(this.ids.nextId(), userId, template.id(), CouponStatus.UNUSED, template.rule(),
					now, now.plus(Duration.ofDays(7)), now, CouponOrigin.ISSUANCE, jobRef));
		}
		return coupons;
	}

	private String statusOf(long userId, long templateId) {
		ShardLocation location = new ShardRouter(this.sharding.layout()).locateUser(userId);
		return JdbcClient.create(this.shards.shard(location.database()))
			.sql("SELECT status FROM " + location.physicalTable("user_coupon")
					+ " WHERE user_id = ? AND template_id = ?")
			.params(userId, templateId)
			.query(String.class)
			.single();
	}

	private void deleteCoupons(long userId, long templateId) {
		ShardLocation location = new ShardRouter(this.sharding.layout()).locateUser(userId);
		JdbcClient.create(this.shards.shard(location.database()))
			.sql("DELETE FROM " + location.physicalTable("user_coupon") + " WHERE user_id = ? AND template_id = ?")
			.params(userId, templateId)
			.update();
	}

	/** Writes the user's fence row in the user's physical table, as a cutover does. */
	private void setFence(long userId, Side side, long epoch) {
		ShardLocation location = new ShardRouter(this.sharding.layout()).locateUser(userId);
		try (Connection connection = this.shards.shard(location.database()).getConnection();
				PreparedStatement upsert = connection.prepareStatement("INSERT INTO "
						+ location.physicalTable("migration_user_side") + " (user_id, side, epoch, updated_at) "
						+ "VALUES (?, ?, ?, NOW(3)) ON DUPLICATE KEY UPDATE side = VALUES(side), epoch = VALUES(epoch)")) {
			upsert.setLong(1, userId);
			upsert.setString(2, side.name());
			upsert.setLong(3, epoch);
			upsert.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FenceTestBeans {

		@Bean
		@Primary
		MovableEpochs movableEpochs() {
			return new MovableEpochs();
		}

		@Bean
		GatewayFaultPoint cutoverBetweenDecisionAndWrite(MovableEpochs epochs) {
			return epochs::decided;
		}

	}

	/**
	 * The process's epoch, moved by the test, and what runs between a write's decision
	 * and its transaction: every decision is recorded, and a cutover can run there once.
	 */
	static class MovableEpochs implements MigrationEpochs {

		private final AtomicReference<Epoch> current = new AtomicReference<>(Epoch.NONE);

		private final AtomicReference<Epoch> stored = new AtomicReference<>(Epoch.NONE);

		private final List<long[]> decided = new CopyOnWriteArrayList<>();

		private final AtomicLong cutOverUser = new AtomicLong(-1);

		private final AtomicReference<Cutover> cutover = new AtomicReference<>();

		void decided(long userId, Epoch epoch) {
			this.decided.add(new long[] { userId, epoch.number() });
			if (this.cutOverUser.compareAndSet(userId, -1)) {
				Cutover step = this.cutover.getAndSet(null);
				step.fence().run();
				this.stored.set(step.to());
			}
		}

		@Override
		public Epoch current() {
			return this.current.get();
		}

		@Override
		public Epoch refresh() {
			this.current.set(this.stored.get());
			return this.current.get();
		}

		/** The process and the store at an epoch; decisions seen so far forgotten. */
		void start(Epoch epoch) {
			this.current.set(epoch);
			this.stored.set(epoch);
			this.decided.clear();
		}

		/** When the user's next write is decided, the store moves to a new epoch. */
		void cutOverWhenDecided(long userId, Epoch to, Runnable fence) {
			this.cutover.set(new Cutover(to, fence));
			this.cutOverUser.set(userId);
		}

		List<Long> decisions(long userId) {
			return this.decided.stream().filter((d) -> d[0] == userId).map((d) -> d[1]).toList();
		}

		void reset() {
			start(Epoch.NONE);
			this.cutOverUser.set(-1);
			this.cutover.set(null);
		}

		private record Cutover(Epoch to, Runnable fence) {
		}

	}

}
