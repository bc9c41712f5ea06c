package com.couponplatform.admin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.testsupport.TestHttp.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back-office template API over HTTP with real logins and roles, over the real global
 * database.
 */
class TemplateAdminIT extends AdminIntegrationTest {

	@Test
	void createsADraftAndPublishesIt() {
		Answer created = call("POST", "/admin/api/v1/templates", OPERATOR, validTemplate());
		assertThat(created.status()).isEqualTo(201);
		String id = created.body().path("id").asText();
		assertThat(created.location()).isEqualTo("/admin/api/v1/templates/" + id);
		assertThat(created.body().path("status").asText()).isEqualTo("DRAFT");
		assertThat(created.body().path("type").asText()).isEqualTo("THRESHOLD");
		assertThat(created.body().path("createdBy").asText()).isEqualTo("operator");
		assertThat(created.body().path("claimEnd").asText()).isEqualTo("2031-01-01T00:00:00Z");
		assertThat(created.body().path("validity").path("days").asInt()).isEqualTo(30);
		assertThat(created.body().path("issued").asLong()).isZero();

		Answer published = call("POST", "/admin/api/v1/templates/" + id + "/publish", OPERATOR, "");
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.body().path("status").asText()).isEqualTo("ACTIVE");
		assertThat(published.body().path("version").asInt()).isEqualTo(1);

		Answer again = call("POST", "/admin/api/v1/templates/" + id + "/publish", ADMIN, "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().path("code").asText()).isEqualTo("ILLEGAL_TRANSITION");

		Answer read = call("GET", "/admin/api/v1/templates/" + id, VIEWER, null);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().path("status").asText()).isEqualTo("ACTIVE");
		Answer statistics = call("GET", "/admin/api/v1/templates/" + id + "/statistics", VIEWER, null);
		assertThat(statistics.body().path("issued").asLong()).isZero();
	}

	@Test
	void storesScopeAndTargetingInCanonicalForm() {
		String body = validTemplate().replace("\"refundable\":true",
				"\"refundable\":false,"
						+ "\"scope\":{\"skuWhitelist\":[\"sku-9\",\"sku-1\"],\"categoryBlacklist\":[\"tobacco\"]},"
						+ "\"targeting\":\"vip and (new_user or not churned)\",\"tagFallback\":\"ALLOW\"");
		Answer created = call("POST", "/admin/api/v1/templates", OPERATOR, body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		Answer read = call("GET", created.location(), VIEWER, null);
		assertThat(read.body().path("targeting").asText()).isEqualTo("vip AND (new_user OR NOT churned)");
		assertThat(read.body().path("tagFallback").asText()).isEqualTo("ALLOW");
		assertThat(read.body().path("refundable").asBoolean()).isFalse();
		assertThat(read.body().path("scope").path("skuWhitelist").toString()).isEqualTo("[\"sku-1\",\"sku-9\"]");
		assertThat(read.body().path("scope").path("categoryBlacklist").toString()).isEqualTo("[\"tobacco\"]");
		assertThat(read.body().path("scope").path("skuBlacklist").isEmpty()).isTrue();
	}

	@Test
	void movesThroughTheLifecycleByLegalTransitionsOnlyAndAuditsEachChange() {
		String path = call("POST", "/admin/api/v1/templates", OPERATOR, validTemplate()).location();
		assertIllegal(call("POST", path + "/pause", OPERATOR, ""));
		assertIllegal(call("POST", path + "/resume", OPERATOR, ""));
		assertThat(call("POST", path + "/publish", OPERATOR, "").body().path("status").asText()).isEqualTo("ACTIVE");
		assertThat(call("POST", path + "/pause", VIEWER, "").status()).isEqualTo(403);
		assertThat(call("POST", path + "/pause", OPERATOR, "").body().path("status").asText()).isEqualTo("PAUSED");
		assertIllegal(call("POST", path + "/publish", OPERATOR, ""));
		assertThat(call("POST", path + "/resume", ADMIN, "").body().path("status").asText()).isEqualTo("ACTIVE");
		Answer ended = call("POST", path + "/end", OPERATOR, "");
		assertThat(ended.body().path("status").asText()).isEqualTo("ENDED");
		assertThat(ended.body().path("version").asInt()).isEqualTo(4);
		assertIllegal(call("POST", path + "/resume", OPERATOR, ""));
		assertIllegal(call("POST", path + "/end", OPERATOR, ""));

		Answer audit = call("GET", path + "/audit?limit=3", VIEWER, null);
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.body().path("items").findValuesAsText("action")).containsExactly("END", "RESUME", "PAUSE");
		assertThat(audit.body().path("items").get(0).path("actor").asText()).isEqualTo("operator");
		assertThat(audit.body().path("items").get(0).path("before").path("status").asText()).isEqualTo("ACTIVE");
		assertThat(audit.body().path("items").get(0).path("after").path("status").asText()).isEqualTo("ENDED");
		assertThat(audit.body().path("items").get(1).path("actor").asText()).isEqualTo("admin");
		Answer older = call("GET", path + "/audit?limit=3&cursor=" + audit.body().path("nextCursor").asText(), VIEWER,
				null);
		assertThat(older.body().path("items").findValuesAsText("action")).containsExactly("PUBLISH", "CREATE");
		assertThat(older.body().path("items").get(1).path("before").isNull()).isTrue();
		assertThat(older.body().path("items").get(1).path("after").path("status").asText()).isEqualTo("DRAFT");
		assertThat(older.body().path("nextCursor").isNull()).isTrue();
	}

	@Test
	void listsTemplatesNewestFirstByStatusWithCursorPaging() {
		String first = call("POST", "/admin/api/v1/templates", OPERATOR, validTemplate()).body().path("id").asText();
		String second = call("POST", "/admin/api/v1/templates", OPERATOR, validTemplate()).body().path("id").asText();
		String published = call("POST", "/admin/api/v1/templates", OPERATOR, validTemplate()).body()
			.path("id")
			.asText();
		call("POST", "/admin/api/v1/templates/" + published + "/publish", OPERATOR, "");

		Answer page = call("GET", "/admin/api/v1/templates?status=DRAFT&limit=1", VIEWER, null);
		assertThat(page.body().path("items").findValuesAsText("id")).containsExactly(second);
		Answer next = call("GET",
				"/admin/api/v1/templates?status=DRAFT&limit=1&cursor=" + page.body().path("nextCursor").asText(),
				VIEWER, null);
		assertThat(next.body().path("items").findValuesAsText("id")).containsExactly(first);
		assertThat(call("GET", "/admin/api/v1/templates?status=ACTIVE&limit=100", VIEWER, null).body()
			.path("items")
			.findValuesAsText("id")).contains(published).doesNotContain(first, second);
		assertThat(call("GET", "/admin/api/v1/templates?limit=0", VIEWER, null).status()).isEqualTo(400);
		assertThat(call("GET", "/admin/api/v1/templates?status=GONE", VIEWER, null).status()).isEqualTo(400);
	}

	private static void assertIllegal(Answer answer) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
		assertThat(answer.body().path("code").asText()).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void loadsUserTagsInBulkAndRefusesInvalidEntriesWholesale() {
		Answer loaded = call("PUT", "/admin/api/v1/user-tags", OPERATOR,
				"{\"users\":[{\"userId\":\"5001\",\"tags\":[\"vip\",\"vip\"]},{\"userId\":\"5002\",\"tags\":[]}]}");
		assertThat(loaded.status()).as(loaded.body().toString()).isEqualTo(200);
		assertThat(loaded.body().path("loaded").asInt()).isEqualTo(2);

		Answer invalid = call("PUT", "/admin/api/v1/user-tags", OPERATOR,
				"{\"users\":[{\"userId\":\"5003\",\"tags\":[\"ok\"]},{\"userId\":\"-1\",\"tags\":[\"has space\"]}]}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("users[1].userId",
				"users[1].tags");
		assertThat(call("PUT", "/admin/api/v1/user-tags", VIEWER, "{\"users\":[]}").status()).isEqualTo(403);
		assertThat(call("PUT", "/admin/api/v1/user-tags", null, "{\"users\":[]}").status()).isEqualTo(401);
		assertThat(call("PUT", "/admin/api/v1/user-tags", OPERATOR, "{\"users\":[]}").status()).isEqualTo(400);
	}

	@Test
	void patchesADraftFreelyAndRefusesAStaleVersion() {
		String path = call("POST", "/admin/api/v1/templates", OPERATOR, validTemplate()).location();
		Answer patched = call("PATCH", path, OPERATOR,
				"{\"version\":0,\"name\":\"Spend 200 save 30\",\"thresholdAmount\":20000,\"discountAmount\":3000,"
						+ "\"targeting\":\"vip\"}");
		assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
		assertThat(patched.body().path("name").asText()).isEqualTo("Spend 200 save 30");
		assertThat(patched.body().path("discountAmount").asLong()).isEqualTo(3000);
		assertThat(patched.body().path("totalStock").asLong()).isEqualTo(1000);
		assertThat(patched.body().path("targeting").asText()).isEqualTo("vip");
		assertThat(patched.body().path("version").asInt()).isEqualTo(1);

		Answer removed = call("PATCH", path, OPERATOR, "{\"version\":1,\"targeting\":null}");
		assertThat(removed.body().path("targeting").isNull()).isTrue();
		Answer stale = call("PATCH", path, OPERATOR, "{\"version\":1,\"name\":\"late\"}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().path("code").asText()).isEqualTo("VERSION_CONFLICT");
		assertThat(call("GET", path, VIEWER, null).body().path("name").asText()).isEqualTo("Spend 200 save 30");
		Answer audit = call("GET", path + "/audit?limit=1", VIEWER, null);
		assertThat(audit.body().path("items").get(0).path("action").asText()).isEqualTo("UPDATE");
		assertThat(audit.body().path("items").get(0).path("before").path("targeting").asText()).isEqualTo("vip");
	}

	@Test
	void patchesALiveTemplateOnlyWithMoreStockAndLaterEnds() {
		String path = call("POST", "/admin/api/v1/templates", OPERATOR, validTemplate()).location();
		call("POST", path + "/publish", OPERATOR, "");
		Answer extended = call("PATCH", path, OPERATOR,
				"{\"version\":1,\"totalStock\":1500,\"claimEnd\":\"2031-06-30\"}");
		assertThat(extended.status()).as(extended.body().toString()).isEqualTo(200);
		assertThat(extended.body().path("totalStock").asLong()).isEqualTo(1500);
		assertThat(extended.body().path("claimEnd").asText()).isEqualTo("2031-07-01T00:00:00Z");
		assertThat(extended.body().path("status").asText()).isEqualTo("ACTIVE");

		assertFieldsRefused(call("PATCH", path, OPERATOR, "{\"version\":2,\"totalStock\":10}"), "totalStock");
		assertFieldsRefused(call("PATCH", path, OPERATOR, "{\"version\":2,\"discountAmount\":5000}"), "status");
		assertFieldsRefused(call("PATCH", path, OPERATOR, "{\"version\":2,\"claimEnd\":\"2030-01-01\"}"), "claimEnd");
		assertFieldsRefused(call("PATCH", path, OPERATOR, "{\"totalStock\":2000}"), "version");
		assertFieldsRefused(call("PATCH", path, OPERATOR, "{\"version\":2,\"totalStock\":\"lots\"}"), "totalStock");
		assertFieldsRefused(call("PATCH", path, OPERATOR, "{\"version\":2,\"colour\":\"red\"}"), "colour");
		assertThat(call("GET", path, VIEWER, null).body().path("version").asInt()).isEqualTo(2);

		call("POST", path + "/end", OPERATOR, "");
		assertIllegal(call("PATCH", path, OPERATOR, "{\"version\":3,\"totalStock\":3000}"));
		assertThat(call("PATCH", path, VIEWER, "{\"version\":3}").status()).isEqualTo(403);
		assertThat(call("PATCH", path, null, "{\"version\":3}").status()).isEqualTo(401);
		assertThat(call("GET", path + "/audit", null, null).status()).isEqualTo(401);
		assertThat(call("GET", path + "/statistics", null, null).status()).isEqualTo(401);
	}

	private static void assertFieldsRefused(Answer answer, String field) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
		assertThat(answer.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
		assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly(field);
	}

	@Test
	void answers404ForAnUnknownTemplate() {
		Answer missing = call("GET", "/admin/api/v1/templates/123456789", VIEWER, null);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body().path("code").asText()).isEqualTo("TEMPLATE_NOT_FOUND");
		assertThat(call("POST", "/admin/api/v1/templates/123456789/publish", ADMIN, "").status()).isEqualTo(404);
	}

	@Nested
	class MalformedInput {

		@Test
		void answers400NamingTheFieldsAndWritesNothing() {
			int before = templateRows();
			assertFields(call("POST", "/admin/api/v1/templates", OPERATOR, "{oops"), "body");
			assertFields(call("POST", "/admin/api/v1/templates", OPERATOR,
					validTemplate().replace("\"THRESHOLD\"", "\"BOGUS\"")), "type");
			assertFields(
					call("POST", "/admin/api/v1/templates", OPERATOR,
							validTemplate().replace("\"thresholdAmount\":10000", "\"thresholdAmount\":100")),
					"thresholdAmount");
			assertFields(call("POST", "/admin/api/v1/templates", OPERATOR,
					validTemplate().replace("\"totalStock\":1000", "\"totalStock\":\"many\"")), "totalStock");
			assertFields(
					call("POST", "/admin/api/v1/templates", OPERATOR,
							validTemplate().replace("\"claimEnd\":\"2030-12-31\"", "\"claimEnd\":\"2020-01-01\"")),
					"claimEnd");
			assertFields(call("POST", "/admin/api/v1/templates", OPERATOR, "{}"), "name", "type", "totalStock",
					"claimStart", "claimEnd", "validity.type");
			assertFields(call("GET", "/admin/api/v1/templates/abc", VIEWER, null), "id");
			assertFields(
					call("POST", "/admin/api/v1/templates", OPERATOR,
							validTemplate().replace("\"refundable\":true", "\"targeting\":\"vip AND (\"")),
					"targeting");
			assertThat(templateRows()).isEqualTo(before);
		}

		private void assertFields(Answer answer, String... fields) {
			assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
			assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
		}

	}

	@Nested
	class Authentication {

		@Test
		void answers401WithoutValidCredentials() {
			int before = templateRows();
			for (String credentials : new String[] { null, basic("admin", "wrong-password"), basic("nobody", "x"),
					"Bearer abc" }) {
				Answer answer = call("POST", "/admin/api/v1/templates", credentials, validTemplate());
				assertThat(answer.status()).isEqualTo(401);
				assertThat(answer.body().path("code").asText()).isEqualTo("UNAUTHENTICATED");
			}
			assertThat(call("GET", "/admin/api/v1/templates/1", null, null).status()).isEqualTo(401);
			assertThat(templateRows()).isEqualTo(before);
		}

		@Test
		void answers403WhenTheRoleDoesNotAllowTheAction() {
			int before = templateRows();
			Answer viewerCreates = call("POST", "/admin/api/v1/templates", VIEWER, validTemplate());
			assertThat(viewerCreates.status()).isEqualTo(403);
			assertThat(viewerCreates.body().path("code").asText()).isEqualTo("FORBIDDEN");
			// The migration console: every role reads it, only ADMIN moves it.
			assertThat(call("GET", "/admin/api/v1/migration", OPERATOR, null).status()).isEqualTo(200);
			assertThat(call("POST", "/admin/api/v1/migration/transitions", OPERATOR, "{\"to\":\"LEGACY\"}").status())
				.isEqualTo(403);
			assertThat(call("GET", "/actuator/metrics", OPERATOR, null).status()).isEqualTo(403);
			assertThat(templateRows()).isEqualTo(before);
		}

	}

	@Test
	void reportsEachShardRedisAndTheBrokerAsHealthComponents() {
		Answer health = call("GET", "/actuator/health", null, null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().path("components").path("shards").path("components").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("ds_global", "ds_0", "ds_1");
		assertThat(health.body().path("components").path("redis").path("status").asText()).isEqualTo("UP");
		assertThat(health.body().path("components").path("broker").path("status").asText()).isEqualTo("UP");
	}

	static String validTemplate() {
		return """
				{"name":"Spend 100 save 10","type":"THRESHOLD","discountAmount":1000,"thresholdAmount":10000,
				 "totalStock":1000,"perUserLimit":1,"claimStart":"%s","claimEnd":"2030-12-31",
				 "validity":{"type":"RELATIVE","days":30},"refundable":true}
				""".formatted(Instant.now().minusSeconds(60));
	}

	private int templateRows() {
		try (Connection connection = this.shards.all().get(ShardDataSources.GLOBAL).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM coupon_template")) {
			result.next();
			return result.getInt(1);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
