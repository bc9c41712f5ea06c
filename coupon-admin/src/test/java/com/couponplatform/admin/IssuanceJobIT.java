package com.couponplatform.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.gateway.stock.TemplateStock;
import com.couponplatform.issuance.IssuanceChunk;
import com.couponplatform.issuance.IssuanceProperties;
import com.couponplatform.issuance.WriteIssuanceChunk;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.sharding.ShardingProperties;
import com.couponplatform.statistic.ReadTemplateStatistic;
import com.couponplatform.targeting.LoadUserTags;
import com.couponplatform.targeting.UserTags;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.CreateTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.CouponTables;
import com.couponplatform.testsupport.DocumentedMetrics;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuance jobs end to end on the real broker: the API, the intake, the reservation, the
 * publisher and the writers — exactly one coupon per user in the user's own physical
 * table, counters that agree with the rows, and nothing issued twice, with every message
 * delivered twice (the base class's test hook); and the progress meters docs/metrics.md
 * lists, scraped (the base class exports them: Spring Boot's tests do only with
 * {@code @AutoConfigureObservability}).
 */
class IssuanceJobIT extends AdminIntegrationTest {

	@Autowired
	CreateTemplate createTemplate;

	@Autowired
	ChangeTemplateStatus changeStatus;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	ShardingProperties sharding;

	@Autowired
	ReadTemplateStatistic statistics;

	@Autowired
	WriteIssuanceChunk writer;

	@Autowired
	TemplateStock stock;

	@Autowired
	LoadUserTags loadUserTags;

	@Autowired
	IssuanceProperties issuance;

	@Test
	void issuesExactlyOneCouponToEachOfAHundredThousandUsersInTheirOwnTable() throws Exception {
		assertThat(this.issuance.isSendTwice()).as("every message is delivered twice").isTrue();
		int users = 100_000;
		CouponTemplate template = activeTemplate(users);
		List<Long> userIds = LongStream.range(0, users).map((i) -> 80_000_000L + i).boxed().toList();
		String body = "{\"templateId\":\"" + template.id() + "\",\"userIds\":["
				+ userIds.stream().map((id) -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";

		Answer created = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR, body);
		assertThat(created.status()).isEqualTo(202);
		assertThat(created.location()).isEqualTo("/admin/api/v1/issuance-jobs/" + created.body().path("id").asText());
		Answer job = awaitCompleted(created.location(), Duration.ofMinutes(5));

		assertThat(job.body().path("total").asLong()).isEqualTo(users);
		assertThat(job.body().path("processed").asLong()).isEqualTo(users);
		assertThat(job.body().path("issued").asLong()).isEqualTo(users);
		assertThat(job.body().path("duplicates").asLong()).isZero();
		assertThat(job.body().path("failed").asLong()).isZero();
		assertThat(rowsPerTable(template.id())).isEqualTo(expectedPerTable(userIds));
		assertThat(mostCouponsOfOneUser(template.id())).isEqualTo(1);
		assertThat(this.catalog.getFresh(template.id()).issued()).as("the guarded counter").isEqualTo(users);
		assertThat(this.statistics.read(template.id()).issued()).isEqualTo(users);
		assertThat(this.statistics.read(template.id()).unused()).isEqualTo(users);
	}

	@Test
	void exportsEveryDocumentedMetricAndCountsTheJobsCouponsExactly() throws Exception {
		String before = scrape();
		CouponTemplate template = activeTemplate(3);
		Answer created = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR,
				"{\"templateId\":\"" + template.id() + "\",\"userIds\":[\"62000001\",\"62000002\",\"62000003\"]}");
		assertThat(created.status()).isEqualTo(202);
		awaitCompleted(created.location(), Duration.ofMinutes(1));

		String after = scrape();
		assertThat(DocumentedMetrics.missing("admin", after)).isEmpty();
		assertThat(DocumentedMetrics.value(after, "coupon_issuance_issued_total")
				- DocumentedMetrics.value(before, "coupon_issuance_issued_total"))
			.isEqualTo(3);
		assertThat(after).contains("coupon_issuance_remaining{status=\"running\"}");
	}

	private String scrape() {
		Map.Entry<Integer, String> scraped = new TestHttp(this.port).text("/actuator/prometheus", ADMIN);
		assertThat(scraped.getKey()).isEqualTo(200);
		return scraped.getValue();
	}

	@Test
	void dropsRepeatedUsersAndReportsBadLinesOfACsvUpload() throws Exception {
		CouponTemplate template = activeTemplate(10);
		String csv = "userId\n1001\n1002\n1002\nabc\n-5\n\n1003\n";
		Answer created = new TestHttp(this.port).upload("/admin/api/v1/issuance-jobs", OPERATOR,
				Map.of("templateId", Long.toString(template.id())), csv);
		assertThat(created.status()).isEqualTo(202);
		assertThat(created.body().path("total").asLong()).isEqualTo(3);
		assertThat(created.body().path("duplicates").asLong()).isEqualTo(1);
		assertThat(created.body().path("rejected").asLong()).isEqualTo(2);
		assertThat(rejections(created.body().path("id").asLong()))
			.isEqualTo(Map.of(5L, "abc INVALID_USER_ID", 6L, "-5 INVALID_USER_ID"));

		assertThat(new TestHttp(this.port).text(created.location() + "/failures.csv", VIEWER))
			.isEqualTo(Map.entry(200, "line,content,reason\n5,abc,INVALID_USER_ID\n6,'-5,INVALID_USER_ID\n"));

		Answer job = awaitCompleted(created.location(), Duration.ofMinutes(2));
		assertThat(job.body().path("issued").asLong()).isEqualTo(3);
		assertThat(rowsPerTable(template.id()).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(3);
	}

	@Test
	void refusesAJobLargerThanTheStockAndLeavesNothingBehind() throws Exception {
		CouponTemplate template = activeTemplate(5);
		Answer refused = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR,
				"{\"templateId\":\"" + template.id() + "\",\"userIds\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("SOLD_OUT");
		assertThat(this.catalog.getFresh(template.id()).issued()).isZero();
		assertThat(globalCount("SELECT COUNT(*) FROM issuance_job WHERE template_id = " + template.id())).isZero();

		Answer anonymous = call("POST", "/admin/api/v1/issuance-jobs", null,
				"{\"templateId\":\"" + template.id() + "\",\"userIds\":[\"1\"]}");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(call("GET", "/admin/api/v1/issuance-jobs/1", null, null).status()).isEqualTo(401);
		assertThat(new TestHttp(this.port).text("/admin/api/v1/issuance-jobs/1/failures.csv", null).getKey())
			.isEqualTo(401);
		assertThat(call("POST", "/admin/api/v1/issuance-jobs/1/cancel", null, null).status()).isEqualTo(401);
		Answer badStart = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR,
				"{\"templateId\":\"" + template.id() + "\",\"userIds\":[\"1\"],\"startAt\":\"tomorrow\"}");
		assertThat(badStart.status()).isEqualTo(400);
		assertThat(badStart.body().path("errors").get(0).path("field").asText()).isEqualTo("startAt");
		assertThat(call("POST", "/admin/api/v1/issuance-jobs", OPERATOR, "{\"templateId\":\"x\",\"userIds\":[\"1\"]}")
			.code()).isEqualTo("VALIDATION_FAILED");

		Answer viewer = call("POST", "/admin/api/v1/issuance-jobs", VIEWER,
				"{\"templateId\":\"" + template.id() + "\",\"userIds\":[\"1\"]}");
		assertThat(viewer.status()).isEqualTo(403);
		Answer empty = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR,
				"{\"templateId\":\"" + template.id() + "\",\"userIds\":[\"x\"]}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(globalCount("SELECT COUNT(*) FROM issuance_job WHERE template_id = " + template.id())).isZero();
	}

	@Test
	void aChunkDeliveredAgainIssuesNothingTwice() throws Exception {
		CouponTemplate template = activeTemplate(10);
		long[] userIds = LongStream.rangeClosed(1, 10).map((i) -> 90_000_000L + i).toArray();
		String list = LongStream.of(userIds).mapToObj((id) -> "\"" + id + "\"").collect(Collectors.joining(","));
		Answer created = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR,
				"{\"templateId\":\"" + template.id() + "\",\"userIds\":[" + list + "]}");
		Answer done = awaitCompleted(created.location(), Duration.ofMinutes(2));
		long jobId = done.body().path("id").asLong();

		long[] seqs = LongStream.rangeClosed(1, 10).toArray();
		assertThat(this.writer.write(new IssuanceChunk(jobId, template.id(), seqs, userIds))).isZero();
		assertThat(this.writer.write(new IssuanceChunk(jobId, template.id(), seqs, userIds))).isZero();

		assertThat(rowsPerTable(template.id()).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
		Answer after = call("GET", created.location(), VIEWER, null);
		assertThat(after.body().path("issued").asLong()).isEqualTo(10);
		assertThat(after.body().path("processed").asLong()).isEqualTo(10);
		assertThat(this.statistics.read(template.id()).issued()).isEqualTo(10);
	}

	@Test
	void pausesResumesAndCancelsGivingTheUnissuedStockBack() throws Exception {
		CouponTemplate template = activeTemplate(100);
		long[] userIds = LongStream.rangeClosed(1, 50).map((i) -> 91_000_000L + i).toArray();
		String list = LongStream.of(userIds).mapToObj((id) -> "\"" + id + "\"").collect(Collectors.joining(","));
		// Due in an hour: the publisher leaves it alone while the test acts on it.
		Answer created = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR, "{\"templateId\":\"" + template.id()
				+ "\",\"userIds\":[" + list + "],\"startAt\":\"" + Instant.now().plusSeconds(3600) + "\"}");
		assertThat(created.body().path("status").asText()).isEqualTo("PENDING");
		long jobId = created.body().path("id").asLong();
		String job = created.location();
		assertThat(this.catalog.getFresh(template.id()).issued()).as("reserved").isEqualTo(50);

		assertThat(call("POST", job + "/pause", OPERATOR, null).body().path("status").asText()).isEqualTo("PAUSED");
		assertThat(call("POST", job + "/pause", OPERATOR, null).body().path("status").asText()).isEqualTo("PAUSED");
		assertThat(call("POST", job + "/resume", OPERATOR, null).body().path("status").asText()).isEqualTo("PENDING");
		assertThat(call("POST", job + "/pause", VIEWER, null).status()).isEqualTo(403);

		// A writer takes the first 20 targets, as if their message had arrived just
		// before.
		long[] first = LongStream.rangeClosed(1, 20).toArray();
		assertThat(this.writer
			.write(new IssuanceChunk(jobId, template.id(), first, LongStream.of(userIds).limit(20).toArray())))
			.isEqualTo(20);

		Answer cancelled = call("POST", job + "/cancel", OPERATOR, null);
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.body().path("returned").asLong()).isEqualTo(30);
		assertThat(cancelled.body().path("issued").asLong()).isEqualTo(20);
		assertThat(call("POST", job + "/cancel", OPERATOR, null).body()).isEqualTo(cancelled.body());
		assertThat(this.catalog.getFresh(template.id()).issued()).as("30 units back in stock").isEqualTo(20);

		// The rest of the job's messages arrive late: nothing more is written.
		long[] rest = LongStream.rangeClosed(21, 50).toArray();
		assertThat(this.writer
			.write(new IssuanceChunk(jobId, template.id(), rest, LongStream.of(userIds).skip(20).toArray()))).isZero();
		assertThat(rowsPerTable(template.id()).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20);
		assertThat(this.stock.outstandingReservations(template.id())).isZero();
		Answer resumed = call("POST", job + "/resume", OPERATOR, null);
		assertThat(resumed.status()).isEqualTo(409);
		assertThat(resumed.code()).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(call("POST", "/admin/api/v1/issuance-jobs/1/cancel", OPERATOR, null).status()).isEqualTo(404);
	}

	@Test
	void sendsToTheUsersOfATagSegment() throws Exception {
		String vip = "vip_" + System.nanoTime();
		String churned = "churned_" + System.nanoTime();
		List<UserTags> tagged = new ArrayList<>();
		List<Long> expected = new ArrayList<>();
		for (long i = 1; i <= 30; i++) {
			long userId = 93_000_000L + i;
			boolean isChurned = i % 3 == 0;
			tagged.add(new UserTags(Long.toString(userId), isChurned ? List.of(vip, churned) : List.of(vip)));
			if (!isChurned) {
				expected.add(userId);
			}
		}
		this.loadUserTags.load(tagged);
		CouponTemplate template = activeTemplate(100);

		Answer created = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR,
				"{\"templateId\":\"" + template.id() + "\",\"tagExpression\":\"" + vip + " AND NOT " + churned + "\"}");
		assertThat(created.status()).isEqualTo(202);
		assertThat(created.body().path("total").asLong()).isEqualTo(20);
		awaitCompleted(created.location(), Duration.ofMinutes(2));
		assertThat(rowsPerTable(template.id())).isEqualTo(expectedPerTable(expected));

		Answer malformed = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR,
				"{\"templateId\":\"" + template.id() + "\",\"tagExpression\":\"vip AND (\"}");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body().path("errors").get(0).path("field").asText()).isEqualTo("tagExpression");
	}

	@Test
	void retryingFailuresSendsTheUnwrittenTargetsAgain() throws Exception {
		CouponTemplate template = activeTemplate(10);
		String list = LongStream.rangeClosed(1, 10)
			.mapToObj((i) -> "\"" + (94_000_000L + i) + "\"")
			.collect(Collectors.joining(","));
		Answer created = call("POST", "/admin/api/v1/issuance-jobs", OPERATOR, "{\"templateId\":\"" + template.id()
				+ "\",\"userIds\":[" + list + "],\"startAt\":\"" + Instant.now().plusSeconds(3600) + "\"}");
		long jobId = created.body().path("id").asLong();
		// As if every message had been sent and lost: RUNNING, all published, nothing
		// written.
		globalUpdate(
				"UPDATE issuance_job SET status = 'RUNNING', started_at = NOW(3), published = 10 WHERE id = " + jobId);
		Thread.sleep(1500);
		assertThat(call("GET", created.location(), VIEWER, null).body().path("processed").asLong()).isZero();

		Answer retried = call("POST", created.location() + "/retry-failures", OPERATOR, null);
		assertThat(retried.status()).isEqualTo(200);
		Answer done = awaitCompleted(created.location(), Duration.ofMinutes(2));
		assertThat(done.body().path("issued").asLong()).isEqualTo(10);
		assertThat(rowsPerTable(template.id()).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
		assertThat(call("POST", created.location() + "/retry-failures", OPERATOR, null).body().path("status").asText())
			.isEqualTo("COMPLETED");
	}

	private CouponTemplate activeTemplate(long stock) {
		Instant now = Instant.now();
		CouponTemplate draft = this.createTemplate.create(new NewTemplate("issuance IT", TemplateType.FIXED_AMOUNT,
				500L, null, null, null, stock, 1, now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
				new NewTemplate.ValidityInput("RELATIVE", null, null, 30), null, null, null, true), "it");
		return this.changeStatus.publish(draft.id(), "it");
	}

	private Answer awaitCompleted(String location, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Answer job = call("GET", location, VIEWER, null);
		while (!"COMPLETED".equals(job.body().path("status").asText()) && System.nanoTime() < deadline) {
			Thread.sleep(500);
			job = call("GET", location, VIEWER, null);
		}
		assertThat(job.body().path("status").asText()).as(job.body().toString()).isEqualTo("COMPLETED");
		return job;
	}

	private Map<String, Long> expectedPerTable(List<Long> userIds) {
		ShardRouter router = new ShardRouter(this.sharding.layout());
		return userIds.stream()
			.map(router::locateUser)
			.collect(Collectors.groupingBy(IssuanceJobIT::name, TreeMap::new, Collectors.counting()));
	}

	private Map<String, Long> rowsPerTable(long templateId) throws SQLException {
		Map<String, Long> rows = new TreeMap<>();
		new CouponTables(this.shards, this.sharding.getTables()).forEach(
				"SELECT COUNT(*) FROM %s WHERE template_id = ? HAVING COUNT(*) > 0", templateId,
				(database, table, row) -> rows.put(name(new ShardLocation(database, table)), row.getLong(1)));
		return rows;
	}

	private int mostCouponsOfOneUser(long templateId) throws SQLException {
		return (int) new CouponTables(this.shards, this.sharding.getTables()).mostCouponsOfOneUser(templateId);
	}

	private Map<Long, String> rejections(long jobId) throws SQLException {
		Map<Long, String> found = new TreeMap<>();
		try (Connection connection = this.shards.all().get(ShardDataSources.GLOBAL).getConnection();
				PreparedStatement query = connection
					.prepareStatement("SELECT line, content, reason FROM issuance_rejection WHERE job_id = ?")) {
			query.setLong(1, jobId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					found.put(rows.getLong(1), rows.getString(2) + " " + rows.getString(3));
				}
			}
		}
		return found;
	}

	private void globalUpdate(String sql) throws SQLException {
		try (Connection connection = this.shards.all().get(ShardDataSources.GLOBAL).getConnection();
				PreparedStatement update = connection.prepareStatement(sql)) {
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	private static String name(ShardLocation location) {
		return location.dataSourceName() + "." + location.physicalTable("user_coupon");
	}

}
