package com.couponplatform.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.targeting.LoadUserTags;
import com.couponplatform.targeting.UserTags;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.NewTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateType;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim and wallet slice over HTTP: the contract's statuses and codes, idempotency,
 * user isolation and placement.
 */
class ClaimApiIT extends ApiIntegrationTest {

	@Autowired
	LoadUserTags loadUserTags;

	@Autowired
	TemplateCatalog catalog;

	@Test
	void claimsACouponIntoTheUsersOwnPhysicalTableAndListsIt() throws Exception {
		CouponTemplate template = activeTemplate(10, 1);
		long userId = 12345;
		Answer claimed = post("/api/v1/claims", TestTokens.user(userId), claimBody(template.id(), "r-1"));

		assertThat(claimed.status()).isEqualTo(201);
		String couponId = claimed.body().path("couponId").asText();
		assertThat(claimed.location()).isEqualTo("/api/v1/coupons/" + couponId);
		assertThat(claimed.body().path("templateId").asText()).isEqualTo(Long.toString(template.id()));
		assertThat(claimed.body().path("userId").asText()).isEqualTo("12345");
		assertThat(claimed.body().path("status").asText()).isEqualTo("UNUSED");
		assertThat(claimed.body().path("discountAmount").asLong()).isEqualTo(500);

		Answer list = get("/api/v1/coupons", TestTokens.user(userId));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().path("items")).hasSize(1);
		assertThat(list.body().path("items").get(0)).isEqualTo(claimed.body());
		assertThat(list.body().path("nextCursor").isNull()).isTrue();
		assertThat(get("/api/v1/coupons/" + couponId, TestTokens.user(userId)).body()).isEqualTo(claimed.body());

		// 12345 lives in ds_1.user_coupon_4 with N=2, M=8 (PRODUCT.md's test vector).
		ShardLocation location = new ShardRouter(this.sharding.layout()).locateUser(userId);
		assertThat(location).isEqualTo(new ShardLocation(1, 4));
		try (Connection connection = this.shards.shard(location.database()).getConnection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT user_id FROM " + location.physicalTable("user_coupon") + " WHERE id = ?")) {
			query.setLong(1, Long.parseLong(couponId));
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getLong(1)).isEqualTo(userId);
			}
		}
		assertThat(couponRows(template.id())).isEqualTo(1);
	}

	@Test
	void replaysTheSameCouponForTheSameRequestIdAndRefusesItsReuseForAnotherTemplate() {
		CouponTemplate template = activeTemplate(10, 5);
		CouponTemplate other = activeTemplate(10, 5);
		String token = TestTokens.user(222);
		Answer first = post("/api/v1/claims", token, claimBody(template.id(), "same"));
		Answer replay = post("/api/v1/claims", token, claimBody(template.id(), "same"));
		Answer reused = post("/api/v1/claims", token, claimBody(other.id(), "same"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(couponRows(template.id())).isEqualTo(1);
		assertThat(couponRows(other.id())).isZero();
	}

	@Test
	void reportsARequestIdReusedForASoldOutTemplateBeforeTheSoldOut() {
		CouponTemplate template = activeTemplate(10, 1);
		CouponTemplate soldOut = activeTemplate(1, 1);
		assertThat(post("/api/v1/claims", TestTokens.user(411), claimBody(soldOut.id(), "last-one")).status())
			.isEqualTo(201);
		Answer first = post("/api/v1/claims", TestTokens.user(412), claimBody(template.id(), "mine"));

		Answer reused = post("/api/v1/claims", TestTokens.user(412), claimBody(soldOut.id(), "mine"));
		Answer fresh = post("/api/v1/claims", TestTokens.user(412), claimBody(soldOut.id(), "fresh"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(fresh.status()).isEqualTo(409);
		assertThat(fresh.code()).isEqualTo("SOLD_OUT");
		assertThat(couponRows(soldOut.id())).isEqualTo(1);
	}

	@Test
	void replaysAClaimAfterItsTemplateEndedOrSoldOut() {
		CouponTemplate template = activeTemplate(1, 1);
		Answer first = post("/api/v1/claims", TestTokens.user(421), claimBody(template.id(), "before-the-end"));
		Answer soldOutReplay = post("/api/v1/claims", TestTokens.user(421), claimBody(template.id(), "before-the-end"));
		this.changeStatus.end(template.id(), "it");

		Answer endedReplay = post("/api/v1/claims", TestTokens.user(421), claimBody(template.id(), "before-the-end"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(soldOutReplay.status()).isEqualTo(200);
		assertThat(endedReplay.status()).isEqualTo(200);
		assertThat(endedReplay.body()).isEqualTo(first.body());
		assertThat(post("/api/v1/claims", TestTokens.user(421), claimBody(template.id(), "after-the-end")).code())
			.isEqualTo("TEMPLATE_NOT_ACTIVE");
		assertThat(couponRows(template.id())).isEqualTo(1);
	}

	@Test
	void enforcesThePerUserLimitAndTheStock() {
		CouponTemplate template = activeTemplate(2, 1);
		assertThat(post("/api/v1/claims", TestTokens.user(301), claimBody(template.id(), "a")).status()).isEqualTo(201);
		Answer again = post("/api/v1/claims", TestTokens.user(301), claimBody(template.id(), "b"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("PER_USER_LIMIT");
		assertThat(post("/api/v1/claims", TestTokens.user(302), claimBody(template.id(), "a")).status()).isEqualTo(201);
		Answer soldOut = post("/api/v1/claims", TestTokens.user(303), claimBody(template.id(), "a"));
		assertThat(soldOut.status()).isEqualTo(409);
		assertThat(soldOut.code()).isEqualTo("SOLD_OUT");
		assertThat(couponRows(template.id())).isEqualTo(2);
	}

	@Test
	void refusesUnknownAndInactiveTemplates() {
		Answer unknown = post("/api/v1/claims", TestTokens.user(5), claimBody(987654321L, "x"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("TEMPLATE_NOT_FOUND");
		CouponTemplate draft = draftTemplate();
		Answer inactive = post("/api/v1/claims", TestTokens.user(5), claimBody(draft.id(), "x"));
		assertThat(inactive.status()).isEqualTo(409);
		assertThat(inactive.code()).isEqualTo("TEMPLATE_NOT_ACTIVE");
		assertThat(couponRows(draft.id())).isZero();
	}

	@Test
	void refusesClaimsWhilePausedAndForGoodOnceEnded() {
		CouponTemplate template = activeTemplate(10, 5);
		this.changeStatus.pause(template.id(), "it");
		Answer paused = post("/api/v1/claims", TestTokens.user(31), claimBody(template.id(), "p1"));
		assertThat(paused.status()).isEqualTo(409);
		assertThat(paused.code()).isEqualTo("TEMPLATE_NOT_ACTIVE");
		this.changeStatus.resume(template.id(), "it");
		assertThat(post("/api/v1/claims", TestTokens.user(31), claimBody(template.id(), "p2")).status()).isEqualTo(201);
		this.changeStatus.end(template.id(), "it");
		assertThat(post("/api/v1/claims", TestTokens.user(31), claimBody(template.id(), "p3")).code())
			.isEqualTo("TEMPLATE_NOT_ACTIVE");
		assertThat(couponRows(template.id())).isEqualTo(1);
	}

	@Test
	void letsOnlyTargetedUsersClaimATargetedTemplate() {
		Instant now = Instant.now();
		CouponTemplate template = this.changeStatus.publish(
				this.createTemplate
					.create(new NewTemplate("VIP only", TemplateType.FIXED_AMOUNT, 500L, null, null, null, 10L, 1,
							now.minusSeconds(60).toString(), now.plusSeconds(3600).toString(),
							new NewTemplate.ValidityInput("RELATIVE", null, null, 7), null, "vip AND NOT churned", null,
							true), "it")
					.id(),
				"it");
		this.loadUserTags.load(List.of(new UserTags("4101", List.of("vip")),
				new UserTags("4102", List.of("vip", "churned")), new UserTags("4103", List.of("new_user"))));

		assertThat(post("/api/v1/claims", TestTokens.user(4101), claimBody(template.id(), "t")).status())
			.isEqualTo(201);
		for (long refused : new long[] { 4102, 4103, 4104 }) {
			Answer answer = post("/api/v1/claims", TestTokens.user(refused), claimBody(template.id(), "t"));
			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.code()).isEqualTo("NOT_ELIGIBLE");
		}
		assertThat(couponRows(template.id())).isEqualTo(1);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(1);
	}

	@Test
	void letsTheCheckoutServiceActForTheUserItNames() {
		CouponTemplate template = activeTemplate(10, 1);
		Answer claimed = post("/api/v1/claims", TestTokens.service(),
				"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"svc\",\"userId\":\"4242\"}");
		assertThat(claimed.status()).isEqualTo(201);
		assertThat(claimed.body().path("userId").asText()).isEqualTo("4242");
		assertThat(get("/api/v1/coupons?userId=4242", TestTokens.service()).body().path("items")).hasSize(1);
		Answer unnamed = post("/api/v1/claims", TestTokens.service(), claimBody(template.id(), "svc2"));
		assertThat(unnamed.status()).isEqualTo(400);
		assertThat(unnamed.body().path("errors").get(0).path("field").asText()).isEqualTo("userId");
	}

	@Test
	void listsARevokedCouponUnderRevokedOnly() throws Exception {
		long userId = 6161;
		Answer kept = post("/api/v1/claims", TestTokens.user(userId), claimBody(activeTemplate(5, 1).id(), "rv-1"));
		Answer revoked = post("/api/v1/claims", TestTokens.user(userId), claimBody(activeTemplate(5, 1).id(), "rv-2"));
		String revokedId = revoked.body().path("couponId").asText();
		// Only legacy operations revoke (state 4); a migrated row carries the status as
		// stored.
		int changed = 0;
		for (DataSource shard : this.shards.shards().values()) {
			try (Connection connection = shard.getConnection()) {
				for (int t = 0; t < this.sharding.getTables(); t++) {
					changed += connection.createStatement()
						.executeUpdate("UPDATE user_coupon_" + t + " SET status = 'REVOKED' WHERE user_id = " + userId
								+ " AND id = " + revokedId);
				}
			}
		}
		assertThat(changed).isEqualTo(1);

		Answer listed = get("/api/v1/coupons?status=REVOKED", TestTokens.user(userId));
		assertThat(listed.body().path("items")).hasSize(1);
		assertThat(listed.body().path("items").get(0).path("couponId").asText()).isEqualTo(revokedId);
		assertThat(listed.body().path("items").get(0).path("status").asText()).isEqualTo("REVOKED");
		Answer unused = get("/api/v1/coupons?status=UNUSED", TestTokens.user(userId));
		assertThat(unused.body().path("items")).hasSize(1);
		assertThat(unused.body().path("items").get(0).path("couponId").asText())
			.isEqualTo(kept.body().path("couponId").asText());
		assertThat(get("/api/v1/coupons/" + revokedId, TestTokens.user(userId)).body().path("status").asText())
			.isEqualTo("REVOKED");
	}

	@Test
	void pagesAUsersCouponsNewestFirst() {
		long userId = 5151;
		for (int i = 0; i < 5; i++) {
			assertThat(post("/api/v1/claims", TestTokens.user(userId), claimBody(activeTemplate(5, 1).id(), "p" + i))
				.status()).isEqualTo(201);
		}
		Answer page1 = get("/api/v1/coupons?limit=2&status=UNUSED", TestTokens.user(userId));
		Answer page2 = get("/api/v1/coupons?limit=2&status=UNUSED&cursor=" + page1.body().path("nextCursor").asText(),
				TestTokens.user(userId));
		Answer page3 = get("/api/v1/coupons?limit=2&status=UNUSED&cursor=" + page2.body().path("nextCursor").asText(),
				TestTokens.user(userId));
		assertThat(page1.body().path("items")).hasSize(2);
		assertThat(page2.body().path("items")).hasSize(2);
		assertThat(page3.body().path("items")).hasSize(1);
		assertThat(page3.body().path("nextCursor").isNull()).isTrue();
		assertThat(page1.body().path("items").get(0).path("couponId").asLong())
			.isGreaterThan(page1.body().path("items").get(1).path("couponId").asLong());
		assertThat(get("/api/v1/coupons?status=USED", TestTokens.user(userId)).body().path("items")).isEmpty();
	}

	@Nested
	class MalformedInput {

		@Test
		void answers400AndWritesNothing() {
			CouponTemplate template = activeTemplate(10, 1);
			String token = TestTokens.user(9001);
			assertInvalid(post("/api/v1/claims", token, "{not json"), "body");
			assertInvalid(post("/api/v1/claims", token, "{\"requestId\":\"r\"}"), "templateId");
			assertInvalid(post("/api/v1/claims", token, "{\"templateId\":\"abc\",\"requestId\":\"r\"}"), "templateId");
			assertInvalid(post("/api/v1/claims", token, claimBody(template.id(), "has spaces")), "requestId");
			assertInvalid(post("/api/v1/claims", token, claimBody(template.id(), "x".repeat(65))), "requestId");
			assertInvalid(post("/api/v1/claims", token,
					"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"r\",\"extra\":1}"), "extra");
			assertInvalid(get("/api/v1/coupons?limit=0", token), "limit");
			assertInvalid(get("/api/v1/coupons?limit=101", token), "limit");
			assertInvalid(get("/api/v1/coupons?status=GONE", token), "status");
			assertInvalid(get("/api/v1/coupons?cursor=zz", token), "cursor");
			assertThat(couponRows(template.id())).isZero();
		}

		private void assertInvalid(Answer response, String field) {
			assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
			assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
		}

	}

	@Nested
	class Authentication {

		@Test
		void answers401WithoutAValidToken() {
			CouponTemplate template = activeTemplate(10, 1);
			String body = claimBody(template.id(), "auth");
			Instant inAnHour = Instant.now().plusSeconds(3600);
			assertUnauthenticated(post("/api/v1/claims", null, body));
			assertUnauthenticated(post("/api/v1/claims", "not-a-jwt", body));
			assertUnauthenticated(post("/api/v1/claims",
					TestTokens.sign("another-secret-another-secret-another", "7", "coupon.user", inAnHour), body));
			assertUnauthenticated(post("/api/v1/claims",
					TestTokens.sign(TestTokens.SECRET, "7", "coupon.user", Instant.now().minusSeconds(600)), body));
			assertUnauthenticated(
					post("/api/v1/claims", TestTokens.sign(TestTokens.SECRET, "7", "coupon.user", null), body));
			assertUnauthenticated(
					post("/api/v1/claims", TestTokens.sign(TestTokens.SECRET, "alice", "coupon.user", inAnHour), body));
			assertUnauthenticated(
					post("/api/v1/claims", TestTokens.sign(TestTokens.SECRET, "007", "coupon.user", inAnHour), body));
			assertUnauthenticated(get("/api/v1/coupons", null));
			assertThat(couponRows(template.id())).isZero();
		}

		@Test
		void answers403ForAWrongScopeOrAnotherUsersId() {
			CouponTemplate template = activeTemplate(10, 1);
			Answer noScope = post("/api/v1/claims",
					TestTokens.sign(TestTokens.SECRET, "7", "profile", Instant.now().plusSeconds(60)),
					claimBody(template.id(), "s"));
			assertThat(noScope.status()).isEqualTo(403);
			assertThat(noScope.code()).isEqualTo("FORBIDDEN");
			Answer otherUser = post("/api/v1/claims", TestTokens.user(7),
					"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"s\",\"userId\":\"8\"}");
			assertThat(otherUser.status()).isEqualTo(403);
			assertThat(get("/api/v1/coupons?userId=8", TestTokens.user(7)).status()).isEqualTo(403);
			assertThat(couponRows(template.id())).isZero();
		}

		@Test
		void aServiceTokenOfAnyClientActsForTheUserItNames() {
			CouponTemplate template = activeTemplate(10, 1);
			Instant inAnHour = Instant.now().plusSeconds(3600);
			String checkout = TestTokens.sign(TestTokens.SECRET, "checkout-service", "coupon.service", inAnHour);
			Answer claimed = post("/api/v1/claims", checkout,
					"{\"templateId\":\"" + template.id() + "\",\"requestId\":\"svc\",\"userId\":\"7\"}");
			assertThat(claimed.status()).isEqualTo(201);
			String other = TestTokens.sign(TestTokens.SECRET, "spiffe://mall/checkout", "coupon.user coupon.service",
					inAnHour);
			Answer wallet = get("/api/v1/coupons?userId=7", other);
			assertThat(wallet.status()).isEqualTo(200);
			assertThat(wallet.body().path("items")).hasSize(1);
			Answer nobody = post("/api/v1/claims", checkout, claimBody(template.id(), "svc-2"));
			assertThat(nobody.status()).isEqualTo(400);
			assertThat(nobody.code()).isEqualTo("VALIDATION_FAILED");
			assertUnauthenticated(get("/api/v1/coupons?userId=7",
					TestTokens.sign(TestTokens.SECRET, " ", "coupon.service", inAnHour)));
			assertThat(couponRows(template.id())).isEqualTo(1);
		}

		private void assertUnauthenticated(Answer response) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
		}

	}

	@Test
	void neverShowsOneUsersCouponToAnother() {
		CouponTemplate template = activeTemplate(10, 1);
		Answer owned = post("/api/v1/claims", TestTokens.user(8801), claimBody(template.id(), "mine"));
		String couponId = owned.body().path("couponId").asText();

		Answer stranger = get("/api/v1/coupons/" + couponId, TestTokens.user(8802));
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(stranger.code()).isEqualTo("COUPON_NOT_FOUND");
		assertThat(get("/api/v1/coupons", TestTokens.user(8802)).body().path("items")).isEmpty();
		assertThat(get("/api/v1/coupons/" + couponId, TestTokens.user(8801)).status()).isEqualTo(200);
	}

	@Test
	void reportsEachShardRedisAndTheBrokerAsHealthComponents() {
		Answer health = get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().path("status").asText()).isEqualTo("UP");
		assertThat(health.body().path("components").path("shards").path("components").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("ds_global", "ds_0", "ds_1");
		assertThat(health.body().path("components").path("redis").path("status").asText()).isEqualTo("UP");
		assertThat(health.body().path("components").path("broker").path("status").asText()).isEqualTo("UP");
	}

}
