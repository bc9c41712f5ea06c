package com.couponplatform.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.checkout.CouponExpirer;
import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.statistic.TemplateStatistic;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry job over a few hundred thousand coupons spread over every physical table:
 * exactly the past-due UNUSED ones become EXPIRED, locked ones are left to their orders,
 * and the template's statistics, moved by the job's events, agree with a direct count of
 * the rows.
 */
class CouponExpiryIT extends ApiIntegrationTest {

	private static final int VALID = 150_000;

	private static final int PAST_DUE = 148_500;

	private static final int PAST_DUE_LOCKED = 1_500;

	private static final long FIRST_USER = 50_000_000L;

	private static final int ROWS_PER_INSERT = 1_000;

	@Autowired
	CouponExpirer expirer;

	@Autowired
	IdGenerator ids;

	@Test
	void expiresExactlyThePastDueUnusedCouponsOfEveryTableAndTheStatisticsFollow() throws Exception {
		CouponTemplate template = activeTemplate(1, 1);
		Instant now = Instant.now();
		insertCoupons(template.id(), now);
		seedStatistics(template.id());
		assertThat(rowsByStatus(template.id()))
			.isEqualTo(Map.of("LOCKED", PAST_DUE_LOCKED, "UNUSED", VALID + PAST_DUE));
		assertThat(tablesHolding(template.id())).as("rows in every physical table")
			.isEqualTo(this.sharding.getDatabases() * this.sharding.getTables());

		assertThat(this.expirer.expire()).isEqualTo(PAST_DUE);
		assertThat(this.expirer.expire()).as("a second pass finds nothing").isZero();

		assertThat(rowsByStatus(template.id()))
			.isEqualTo(Map.of("EXPIRED", PAST_DUE, "LOCKED", PAST_DUE_LOCKED, "UNUSED", VALID));
		TemplateStatistic expected = new TemplateStatistic(template.id(), VALID + PAST_DUE + PAST_DUE_LOCKED, VALID,
				PAST_DUE_LOCKED, 0, PAST_DUE, 0, null);
		awaitStatistics(template.id(), expected);

		// The wallet agrees: a past-due coupon lists as EXPIRED, a valid one as UNUSED.
		long expiredUser = FIRST_USER + VALID;
		Answer expired = get("/api/v1/coupons?status=EXPIRED", TestTokens.user(expiredUser));
		assertThat(expired.body().path("items")).hasSize(1);
		assertThat(get("/api/v1/coupons?status=UNUSED", TestTokens.user(expiredUser)).body().path("items")).isEmpty();
		assertThat(get("/api/v1/coupons?status=UNUSED", TestTokens.user(FIRST_USER)).body().path("items")).hasSize(1);
	}

	/**
	 * One coupon per user: the first {@link #VALID} users' valid for a week, the next
	 * {@link #PAST_DUE} past due, the last {@link #PAST_DUE_LOCKED} past due but locked
	 * by an order. Written as multi-row inserts straight into each user's physical table.
	 */
	private void insertCoupons(long templateId, Instant now) throws SQLException {
		ShardRouter router = new ShardRouter(this.sharding.layout());
		Map<ShardLocation, List<Object[]>> byTable = new TreeMap<>((a, b) -> (a.database() != b.database())
				? Integer.compare(a.database(), b.database()) : Integer.compare(a.table(), b.table()));
		int total = VALID + PAST_DUE + PAST_DUE_LOCKED;
		for (int i = 0; i < total; i++) {
			long userId = FIRST_USER + i;
			boolean valid = i < VALID;
			boolean locked = i >= VALID + PAST_DUE;
			Instant until = valid ? now.plus(Duration.ofDays(7)) : now.minus(Duration.ofDays(1)).plusMillis(i);
			byTable.computeIfAbsent(router.locateUser(userId), (location) -> new ArrayList<>())
				.add(new Object[] { this.ids.nextId(), userId, locked ? "LOCKED" : "UNUSED",
						Timestamp.from(until.minus(Duration.ofDays(30))), Timestamp.from(until),
						locked ? "order-" + userId : null });
		}
		for (Map.Entry<ShardLocation, List<Object[]>> table : byTable.entrySet()) {
			ShardLocation location = table.getKey();
			try (Connection connection = this.shards.shard(location.database()).getConnection()) {
				List<Object[]> rows = table.getValue();
				for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
					insert(connection, location.physicalTable("user_coupon"), templateId,
							rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)), now);
				}
			}
		}
	}

	private static void insert(Connection connection, String table, long templateId, List<Object[]> rows, Instant now)
			throws SQLException {
		String values = String.join(", ", Collections.nCopies(rows.size(),
				"(?, ?, ?, ?, 'FIXED_AMOUNT', 500, NULL, NULL, NULL, ?, ?, ?, 'ISSUANCE', 'expiry-it', NULL, ?, ?)"));
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
				+ " (id, user_id, template_id, status, type, discount_amount, threshold_amount, percent_off, "
				+ "max_discount_amount, valid_from, valid_until, claimed_at, origin, origin_ref, claim_slot, "
				+ "updated_at, order_id) VALUES " + values)) {
			int p = 1;
			for (Object[] row : rows) {
				insert.setLong(p++, (Long) row[0]);
				insert.setLong(p++, (Long) row[1]);
				insert.setLong(p++, templateId);
				insert.setString(p++, (String) row[2]);
				insert.setTimestamp(p++, (Timestamp) row[3]);
				insert.setTimestamp(p++, (Timestamp) row[4]);
				insert.setTimestamp(p++, (Timestamp) row[3]);
				insert.setTimestamp(p++, Timestamp.from(now));
				insert.setString(p++, (String) row[5]);
			}
			assertThat(insert.executeUpdate()).isEqualTo(rows.size());
		}
	}

	/** The counters the issuing path would have left: every coupon issued, by status. */
	private void seedStatistics(long templateId) throws SQLException {
		try (Connection connection = this.shards.all().get(ShardDataSources.GLOBAL).getConnection();
				PreparedStatement seed = connection.prepareStatement("INSERT INTO template_statistic (template_id, "
						+ "issued_count, unused_count, locked_count, updated_at) VALUES (?, ?, ?, ?, NOW(3))")) {
			seed.setLong(1, templateId);
			seed.setLong(2, VALID + PAST_DUE + PAST_DUE_LOCKED);
			seed.setLong(3, VALID + PAST_DUE);
			seed.setLong(4, PAST_DUE_LOCKED);
			assertThat(seed.executeUpdate()).isEqualTo(1);
		}
	}

	private int tablesHolding(long templateId) throws SQLException {
		int[] tables = { 0 };
		tables().forEach("SELECT 1 FROM %s WHERE template_id = ? LIMIT 1", templateId,
				(database, table, row) -> tables[0]++);
		return tables[0];
	}

}
